package dev.vlsuite.shared.metrics.vqa;

/** A VQA questions, annotations or results file that cannot be used; the message is "file: reason". */
public class VqaFormatException extends RuntimeException {
    private final String file;

    public VqaFormatException(String file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public VqaFormatException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    /** The file (or the name given to in-memory results) the problem is in. */
    public String file() {
        return file;
    }
}
