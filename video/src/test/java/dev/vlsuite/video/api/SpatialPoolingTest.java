package dev.vlsuite.video.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpatialPoolingTest {
    @Test
    void aHotLocationLandsInTheCellThatCoversIt() {
        int g = 8, d = 2, s = 4;
        float[] grid = new float[g * g * d];
        grid[(1 * g + 6) * d + 1] = 4f;                           // row 1, column 6, channel 1
        float[] out = new float[s * s * d];
        SpatialPooling.pool(grid, 0, g, d, s, out, 0);
        for (int i = 0; i < out.length; i++) {
            float expected = i == (0 * s + 3) * d + 1 ? 1f : 0f;  // cell (0, 3) averages 2x2 locations
            assertEquals(expected, out[i], 1e-6f, "value " + i);
        }
    }

    @Test
    void aGridOfTheMapsSizeIsKeptAsItIsAndOffsetsAreHonoured() {
        int g = 4, d = 3;
        float[] grid = new float[5 + g * g * d];
        for (int i = 5; i < grid.length; i++) grid[i] = i;
        float[] out = new float[2 + g * g * d];
        SpatialPooling.pool(grid, 5, g, d, 4, out, 2);
        float[] expected = new float[g * g * d];
        System.arraycopy(grid, 5, expected, 0, expected.length);
        float[] got = new float[g * g * d];
        System.arraycopy(out, 2, got, 0, got.length);
        assertArrayEquals(expected, got);
    }
}
