package dev.vlsuite.shared.video;

import java.io.IOException;
import java.nio.file.Path;

/** A file that cannot be read as a video; the message is one line: "file: reason". */
public class BadVideoException extends IOException {
    /** Why a file was refused, so callers can count or test by kind rather than by message text. */
    public enum Problem {
        NO_SUCH_FILE,
        EMPTY_FILE,
        /** text, random bytes, an image or anything FFmpeg cannot demux */
        NOT_A_VIDEO,
        /** a container with sound but no video stream (a cover picture does not count as video) */
        AUDIO_ONLY,
        /** an MP4/MOV whose index (moov atom) is missing: a recording that was never finalised */
        MISSING_INDEX,
        /** the file ended or broke before the first frame decoded */
        TRUNCATED,
        /** FFmpeg has no decoder for the stream, or the decoder failed */
        UNDECODABLE
    }

    private final Path file;
    private final Problem problem;
    private final String reason;

    public BadVideoException(Path file, Problem problem, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.problem = problem;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public Problem problem() {
        return problem;
    }

    /** The reason without the file name, e.g. "audio-only file (no video stream)". */
    public String reason() {
        return reason;
    }
}
