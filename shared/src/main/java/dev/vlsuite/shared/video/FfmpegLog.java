package dev.vlsuite.shared.video;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * FFmpeg prints its own warnings ("moov atom not found", decoder chatter) straight to stderr from
 * native code. The tools' console must show only their own lines, so the level is QUIET unless a
 * tool passes --verbose; the reader reports every problem itself as a {@link BadVideoException}.
 * Tools also point native stderr at /dev/null ({@link dev.vlsuite.shared.cli.NativeStderr}); this level is
 * what keeps FFmpeg quiet for programs that embed the library, and a tool's --verbose should call
 * {@code setVerbose(true)} so FFmpeg's warnings then show.
 */
public final class FfmpegLog {
    private static volatile boolean verbose;
    private static volatile boolean applied;

    private FfmpegLog() {}

    /** Shows FFmpeg's warnings and errors (true) or nothing (false, the default). */
    public static synchronized void setVerbose(boolean on) {
        verbose = on;
        avutil.av_log_set_level(on ? avutil.AV_LOG_WARNING : avutil.AV_LOG_QUIET);
        applied = true;
    }

    public static boolean verbose() {
        return verbose;
    }

    /** Applies the default (quiet) once; the reader calls it before opening a file, writers should too. */
    public static void ensureApplied() {
        if (!applied) setVerbose(verbose);
    }
}
