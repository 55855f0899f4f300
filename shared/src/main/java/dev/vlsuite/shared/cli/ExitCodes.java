package dev.vlsuite.shared.cli;

/** The exit codes every vlsuite tool uses. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The run finished but some inputs failed (each one was reported on stderr). */
    public static final int SOME_INPUTS_FAILED = 1;
    /** Bad command line, or an input the whole command depends on is unusable. */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
