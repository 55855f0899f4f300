package dev.vlsuite.shared.video;

/**
 * Decides which decoded frames become samples, one frame at a time, without looking ahead more than
 * one frame: time-based modes hold the previous frame and, when the next frame's timestamp arrives,
 * learn how many target times fell on the previous frame's interval. Pure arithmetic on timestamps
 * (microseconds relative to the first frame), so it is tested without any video.
 */
final class FrameSelector {
    private final Sampling sampling;
    private final long span;          // evenly: the clip's duration; unused otherwise
    private final long tolerance;     // timestamps are rounded (ms in Matroska): a target this close to a frame start belongs to it
    private int next;                 // index of the next target not yet served

    /**
     * @param spanMicros duration the evenly spaced targets cover (needed for {@link Sampling.Evenly} only)
     * @param frameMicros nominal frame duration, to size the rounding tolerance
     */
    FrameSelector(Sampling sampling, long spanMicros, long frameMicros) {
        this.sampling = sampling;
        this.span = spanMicros;
        this.tolerance = Math.max(0, Math.min(1000, frameMicros / 4));
        if (sampling instanceof Sampling.Evenly && spanMicros <= 0)
            throw new IllegalArgumentException("evenly spaced sampling needs a positive span: " + spanMicros);
    }

    /** True for {@link Sampling.EveryKth}: frames are picked by {@link #takesFrame}, not by time. */
    boolean byCount() {
        return sampling instanceof Sampling.EveryKth;
    }

    boolean takesFrame(int frameIndex) {
        return frameIndex % ((Sampling.EveryKth) sampling).k() == 0;
    }

    /** Every target served: decoding can stop (evenly spaced sampling only; the others run to the end). */
    boolean done() {
        return sampling instanceof Sampling.Evenly e && next >= e.count();
    }

    /** Time of the next target not yet served (time modes only). */
    long nextTarget() {
        return target(next);
    }

    /** Target time of sample k, relative to the first frame. */
    long target(int k) {
        if (sampling instanceof Sampling.Evenly e) return Math.round((k + 0.5) * span / e.count());
        return Math.round(k * 1e6 / ((Sampling.PerSecond) sampling).fps());
    }

    /**
     * Marks as served, and counts, the targets that lie before {@code micros} (a frame start, or the
     * end of the last frame): they fall on the frame shown just before that time.
     */
    int takeBefore(long micros) {
        int n = 0;
        while (!done() && target(next) < micros - tolerance) {
            next++;
            n++;
        }
        return n;
    }

    /** Counts one sample taken by {@link #takesFrame}. */
    void takeCount() {
        next++;
    }

    /** Samples handed out so far. */
    int served() {
        return next;
    }
}
