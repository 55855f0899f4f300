package dev.vlsuite.shared.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LrScheduleTest {
    @Test
    void constant() {
        assertEquals(0.1, LrSchedule.constant().lr(0.1, 0, 100));
        assertEquals(0.1, LrSchedule.constant().lr(0.1, 99, 100));
    }

    @Test
    void stepDecay() {
        LrSchedule s = LrSchedule.stepDecay(10, 0.5);
        assertEquals(1.0, s.lr(1.0, 9, 0));
        assertEquals(0.5, s.lr(1.0, 10, 0));
        assertEquals(0.25, s.lr(1.0, 25, 0));
    }

    @Test
    void cosineWithWarmup() {
        LrSchedule s = LrSchedule.cosine(10, 0.1);
        assertEquals(0.1, s.lr(1.0, 0, 110), 1e-12);   // warm-up: (step+1)/10
        assertEquals(0.5, s.lr(1.0, 4, 110), 1e-12);
        assertEquals(1.0, s.lr(1.0, 10, 110), 1e-12);  // peak right after warm-up
        assertEquals(0.55, s.lr(1.0, 60, 110), 1e-12); // half way down: floor + (1 - floor) / 2
        assertEquals(0.1, s.lr(1.0, 110, 110), 1e-12); // the floor
        assertEquals(0.1, s.lr(1.0, 500, 110), 1e-12);
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LrSchedule.stepDecay(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> LrSchedule.cosine(-1, 0));
    }
}
