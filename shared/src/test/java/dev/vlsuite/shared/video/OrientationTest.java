package dev.vlsuite.shared.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OrientationTest {
    @Test
    void displayMatrixIsCounterClockwiseAndTheRotateTagClockwise() {
        assertEquals(90, Orientation.clockwise(-90, null));   // what phones write for portrait ("rotate=90")
        assertEquals(270, Orientation.clockwise(90, null));
        assertEquals(180, Orientation.clockwise(180, null));
        assertEquals(180, Orientation.clockwise(-180, null));
        assertEquals(90, Orientation.clockwise(-89.6, null)); // snapped to a quarter turn
        assertEquals(90, Orientation.clockwise(0, "90"));      // no display matrix: the legacy tag
        assertEquals(270, Orientation.clockwise(Double.NaN, "-90"));
        assertEquals(90, Orientation.clockwise(-90, "270"));   // the matrix wins
        assertEquals(0, Orientation.clockwise(0, "sideways"));
        assertEquals(0, Orientation.clockwise(0, null));
    }

    @Test
    void rotatesPixelsClockwise() {
        // 2 wide x 1 high: pixel A (1,2,3) left of B (4,5,6)
        byte[] ab = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, Orientation.rotate(ab, 2, 1, 90));   // A on top of B
        assertArrayEquals(new byte[] {4, 5, 6, 1, 2, 3}, Orientation.rotate(ab, 2, 1, 180));
        assertArrayEquals(new byte[] {4, 5, 6, 1, 2, 3}, Orientation.rotate(ab, 2, 1, 270));  // B on top of A
        byte[] same = Orientation.rotate(ab, 2, 1, 0);
        assertArrayEquals(ab, same);
        same[0] = 9;
        assertEquals(1, ab[0], "a copy, never the caller's array");
    }
}
