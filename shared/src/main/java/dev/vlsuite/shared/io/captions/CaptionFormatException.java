package dev.vlsuite.shared.io.captions;

import java.nio.file.Path;

/** A caption or results file that cannot be read; the message is "file: reason". */
public class CaptionFormatException extends RuntimeException {
    private final Path file;

    public CaptionFormatException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public CaptionFormatException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
