package dev.vlsuite.shared.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSelectorTest {
    /** Runs the selector over frames with these start times, as the reader does; returns the frame index per sample. */
    static List<Integer> pick(Sampling s, long[] pts, long end, long frameMicros) {
        FrameSelector sel = new FrameSelector(s, end, frameMicros);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < pts.length && !sel.done(); i++) {
            if (sel.byCount()) {
                if (sel.takesFrame(i)) {
                    out.add(i);
                    sel.takeCount();
                }
                continue;
            }
            if (i > 0) for (int n = sel.takeBefore(pts[i]); n > 0; n--) out.add(i - 1);
        }
        if (!sel.byCount()) for (int n = sel.takeBefore(end + 1); n > 0; n--) out.add(pts.length - 1);
        return out;
    }

    static long[] cfr(int n, long frameMicros) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) t[i] = i * frameMicros;
        return t;
    }

    @Test
    void evenlySpacedFramesAreTheCentresOfEqualSlices() {
        long d = 83_333;
        long[] pts = cfr(48, d);
        List<Integer> got = pick(Sampling.evenly(8), pts, 48 * d, d);
        List<Integer> want = new ArrayList<>();
        for (int k = 0; k < 8; k++) want.add((int) Math.floor((k + 0.5) * 48 / 8));
        assertEquals(want, got);
    }

    @Test
    void moreSamplesThanFramesRepeatFramesInTimeOrder() {
        long d = 100_000;
        assertEquals(List.of(0, 0, 1, 1, 2, 2), pick(Sampling.evenly(6), cfr(3, d), 3 * d, d));
    }

    @Test
    void roundedMillisecondTimestampsStillPickTheFrameStartingAtATarget() {
        // 12 fps in Matroska: 0, 83, 167 ms. 12 samples of 48 frames: targets (k+0.5)*4 frames = frame 2 at 166.67 ms
        long[] pts = new long[48];
        for (int i = 0; i < 48; i++) pts[i] = Math.round(i * 1000 / 12.0) * 1000;
        List<Integer> got = pick(Sampling.evenly(12), pts, 4_000_000, 83_333);
        assertEquals(List.of(2, 6, 10, 14, 18, 22, 26, 30, 34, 38, 42, 46), got);
    }

    @Test
    void variableFrameRateIsSampledEvenlyInTimeNotInCount() {
        // 8 fast frames in the first 0.33 s, then 4 slow ones spread over the next second
        long[] pts = {0, 41_667, 83_333, 125_000, 166_667, 208_333, 250_000, 291_667, 583_333, 833_333, 1_083_333, 1_333_333};
        List<Integer> got = pick(Sampling.evenly(4), pts, 1_375_000, 41_667);
        assertEquals(List.of(4, 7, 9, 10), got); // by count it would be 1, 4, 7, 10
    }

    @Test
    void perSecondTakesTheFrameOnScreenAtEachTick() {
        long d = 83_333;
        assertEquals(List.of(0, 4, 8, 12, 16, 20), pick(Sampling.fps(3), cfr(24, d), 24 * d, d));
        // faster than the video: frames repeat
        assertEquals(List.of(0, 0, 1, 1), pick(Sampling.fps(2), cfr(2, 1_000_000), 2_000_000, 1_000_000));
    }

    @Test
    void everyKthCountsDecodedFrames() {
        assertEquals(List.of(0, 5, 10, 15), pick(Sampling.everyKth(5), cfr(17, 40_000), 0, 40_000));
    }

    @Test
    void evenlyStopsOnceEverySampleIsTaken() {
        FrameSelector sel = new FrameSelector(Sampling.evenly(2), 1_000_000, 100_000);
        assertEquals(0, sel.takeBefore(200_000));
        assertEquals(1, sel.takeBefore(300_000));
        assertEquals(1, sel.takeBefore(800_000));
        assertTrue(sel.done());
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Sampling.evenly(0));
        assertThrows(IllegalArgumentException.class, () -> Sampling.fps(0));
        assertThrows(IllegalArgumentException.class, () -> Sampling.everyKth(0));
        assertEquals("n32", Sampling.DEFAULT.key());
    }
}
