package dev.vlsuite.shared.image;

import java.nio.file.Path;

/**
 * Decoding failed for a reason that is not the file's (a bug in a decoder or preprocessor): unlike a
 * {@link BadImageException} it is not skipped as a bad input, it stops the tool (exit code 3).
 */
public class InternalDecodeException extends IllegalStateException {
    private final Path file;

    public InternalDecodeException(Path file, Throwable cause) {
        super("decoding " + file + " failed unexpectedly (" + cause + ")", cause);
        this.file = file;
    }

    /** The file being decoded when it happened (most likely not at fault). */
    public Path file() {
        return file;
    }
}
