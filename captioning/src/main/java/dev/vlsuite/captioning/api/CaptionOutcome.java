package dev.vlsuite.captioning.api;

import java.nio.file.Path;

/**
 * What became of one input file: a caption, or the reason it could not be captioned.
 *
 * @param file    the file as it was given
 * @param caption the caption; null on failure
 * @param error   why it failed (e.g. "empty file", "truncated JPEG (no end-of-image marker)"); null on success
 */
public record CaptionOutcome(Path file, Caption caption, String error) {
    public CaptionOutcome {
        if ((caption == null) == (error == null)) throw new IllegalArgumentException("exactly one of caption and error must be set");
    }

    public static CaptionOutcome success(Path file, Caption caption) {
        return new CaptionOutcome(file, caption, null);
    }

    public static CaptionOutcome failure(Path file, String error) {
        return new CaptionOutcome(file, null, error);
    }

    public boolean ok() {
        return caption != null;
    }

    /** The one-line report for stderr: "file: reason". */
    public String errorLine() {
        return file + ": " + error;
    }
}
