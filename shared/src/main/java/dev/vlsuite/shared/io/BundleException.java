package dev.vlsuite.shared.io;

import java.io.IOException;
import java.nio.file.Path;

/** A model bundle or checkpoint that cannot be used; the message is one line: "file: reason". */
public class BundleException extends IOException {
    private final transient Path file;
    private final String reason;

    public BundleException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    public BundleException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
