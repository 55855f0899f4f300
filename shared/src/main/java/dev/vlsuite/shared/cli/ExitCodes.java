package dev.vlsuite.shared.cli;

/** The exit codes every vlsuite tool uses. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The run finished but some inputs failed (each one was reported on stderr). */
    public static final int SOME_INPUTS_FAILED = 1;
    /** Bad command line, or an input the whole command depends on is unusable. */
    public static final int USAGE = 2;
    /** A bug or a resource failure (out of memory, disk full...): never disguised as a bad input. */
    public static final int INTERNAL = 3;

    private ExitCodes() {}

    /** The exit code of a command that stopped with {@code t}: usage problems are 2, everything else is internal. */
    public static int of(Throwable t) {
        return t instanceof UsageException || t instanceof IllegalArgumentException ? USAGE : INTERNAL;
    }
}
