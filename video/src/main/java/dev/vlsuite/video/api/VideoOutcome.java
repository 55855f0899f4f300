package dev.vlsuite.video.api;

import java.nio.file.Path;

/** One input's result: a caption, or the reason the file could not be captioned. */
public record VideoOutcome(Path file, VideoCaption caption, String error) {
    public VideoOutcome {
        if ((caption == null) == (error == null)) throw new IllegalArgumentException("exactly one of caption and error");
    }

    public static VideoOutcome success(Path file, VideoCaption caption) {
        return new VideoOutcome(file, caption, null);
    }

    public static VideoOutcome failure(Path file, String error) {
        return new VideoOutcome(file, null, error);
    }

    public boolean ok() {
        return caption != null;
    }

    /** "file: reason", the line tools print on stderr. */
    public String errorLine() {
        return file + ": " + error;
    }
}
