package dev.vlsuite.shared.image;

import java.io.IOException;
import java.nio.file.Path;

/** A file that cannot be used as an image; the message is one line: "file: reason". */
public class BadImageException extends IOException {
    private final Path file;
    private final String reason;

    public BadImageException(Path file, String reason) {
        super((file == null ? "<bytes>" : file.toString()) + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    /** The offending file, or null when bytes were decoded without a source path. */
    public Path file() {
        return file;
    }

    /** Why it was refused, e.g. "empty file", "truncated JPEG (no end-of-image marker)". */
    public String reason() {
        return reason;
    }
}
