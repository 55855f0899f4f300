package dev.vlsuite.shared.cli;

import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.captions.CaptionFormatException;
import picocli.CommandLine;

/** The exit codes every vlsuite tool uses, and which exception types end a run with which code. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The run finished but some inputs failed (each one was reported on stderr). */
    public static final int SOME_INPUTS_FAILED = 1;
    /** Bad command line, or an input the whole command depends on is unusable. */
    public static final int USAGE = 2;
    /** A bug or a resource failure (out of memory, disk full): one line, the stack trace with --verbose. */
    public static final int INTERNAL = 3;

    private ExitCodes() {}

    /**
     * The code of a run that ended with {@code ex}, by its type, never its message: a usage error is something
     * the user can fix in what they asked for (a bad option value, which libraries report as
     * IllegalArgumentException; an unusable model bundle or dataset file); anything else (IllegalStateException,
     * an I/O failure, an Error) is internal.
     */
    public static int of(Throwable ex) {
        if (ex instanceof UsageException || ex instanceof CommandLine.ParameterException
                || ex instanceof IllegalArgumentException || ex instanceof BundleException
                || ex instanceof CaptionFormatException) {
            return USAGE;
        }
        return INTERNAL;
    }
}
