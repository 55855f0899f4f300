package dev.vlsuite.shared.metrics.retrieval;

/** A VisDial dialogs, dense annotations or scores file that cannot be used; the message is "file: reason". */
public class VisDialFormatException extends RuntimeException {
    private final String file;

    public VisDialFormatException(String file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public VisDialFormatException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
