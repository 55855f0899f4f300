package dev.vlsuite.shared.cli;

/** A problem with what the user asked for (missing model, unreadable dataset file): exit code 2, one line. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
