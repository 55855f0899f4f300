package dev.vlsuite.shared.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Runs a picocli command with vlsuite's conventions: usage errors exit 2 with one line; an internal error
 * (a bug, out of memory) exits 3 with one line, and its stack trace only with --verbose.
 */
public final class Tools {
    private Tools() {}

    public static int run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        boolean verbose = verbose(args);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> report(c, ex, verbose));
        try {
            return cl.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handler; an Error (out of memory, a linkage bug) is ours too
            return report(cl, e, verbose);
        }
    }

    /** Like {@link #run}, then exits with its code. */
    public static void main(Object command, String... args) {
        System.exit(run(command, args));
    }

    /**
     * {@link #main} for tools whose native libraries (OpenCV's codecs, FFmpeg, libtorch) print on their own:
     * their messages are silenced unless --verbose ({@link NativeStderr}), so only the tool's lines appear.
     * Tools without natives use {@link #main} and skip the cost of loading JNA (0.1 s).
     */
    public static void mainQuietNatives(Object command, String... args) {
        if (!verbose(args)) NativeStderr.silence();
        System.exit(run(command, args));
    }

    private static int report(CommandLine c, Throwable ex, boolean verbose) {
        int code = ExitCodes.of(ex);
        PrintWriter err = c.getErr();
        String name = c.getCommandSpec().qualifiedName();
        if (code == ExitCodes.INTERNAL) {
            // one line that says it is not the user's input; the trace is for a bug report
            err.println(name + ": internal error: " + describe(ex) + (verbose ? "" : " (run with --verbose for the stack trace)"));
        } else {
            err.println(name + ": " + message(ex));
        }
        if (verbose || System.getProperty("vlsuite.trace") != null) ex.printStackTrace(err);
        err.flush();
        return code;
    }

    static boolean verbose(String... args) {
        return Arrays.asList(args).contains("--verbose");
    }

    static String message(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }

    /** The exception's type and message, on one line: "OutOfMemoryError: Java heap space". */
    static String describe(Throwable ex) {
        String m = ex.getMessage();
        String line = ex.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
        return line.lines().findFirst().orElse(line);
    }
}
