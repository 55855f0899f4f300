package dev.vlsuite.shared.video;

import java.util.Locale;

/**
 * Which frames of a video to take. Time-based modes pick, for each target time, the frame on screen at
 * that time (the last frame whose timestamp is at or before it), so variable-frame-rate files are
 * sampled evenly in time rather than evenly in frame count.
 */
public sealed interface Sampling {
    /** S2VT-style default: 32 frames spread over the whole clip. */
    Sampling DEFAULT = evenly(32);

    /** {@code n} frames at the centres of n equal time slices of the clip: t_k = (k + 0.5) * duration / n. */
    static Sampling evenly(int n) {
        return new Evenly(n);
    }

    /** One frame every 1/fps seconds from the first frame on (t_k = k / fps). */
    static Sampling fps(double fps) {
        return new PerSecond(fps);
    }

    /** Frames 0, k, 2k, ... in decoding order (by count, not time). */
    static Sampling everyKth(int k) {
        return new EveryKth(k);
    }

    /** A short stable name for cache keys and records: "n32", "fps2.5", "every4". */
    String key();

    record Evenly(int count) implements Sampling {
        public Evenly {
            if (count < 1) throw new IllegalArgumentException("frame count must be >= 1: " + count);
        }

        @Override
        public String key() {
            return "n" + count;
        }
    }

    record PerSecond(double fps) implements Sampling {
        public PerSecond {
            if (!(fps > 0) || Double.isInfinite(fps)) throw new IllegalArgumentException("fps must be > 0: " + fps);
        }

        @Override
        public String key() {
            return "fps" + String.format(Locale.ROOT, "%s", fps);
        }
    }

    record EveryKth(int k) implements Sampling {
        public EveryKth {
            if (k < 1) throw new IllegalArgumentException("every-k must be >= 1: " + k);
        }

        @Override
        public String key() {
            return "every" + k;
        }
    }
}
