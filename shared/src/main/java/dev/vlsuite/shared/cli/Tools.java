package dev.vlsuite.shared.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Runs a picocli command with vlsuite's conventions: exit codes by exception type (ExitCodes.of), one clear
 * line per failure, the stack trace only with --verbose.
 */
public final class Tools {
    private Tools() {}

    public static int run(Object command, String... args) {
        boolean trace = System.getProperty("vlsuite.trace") != null || Arrays.asList(args).contains("--verbose");
        CommandLine cl = new CommandLine(command);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> report(c.getErr(), c.getCommandSpec().qualifiedName(), ex, trace));
        try {
            return cl.execute(args);
        } catch (Throwable ex) { // Errors (out of memory, a native crash surfacing) pass picocli's handler
            return report(cl.getErr(), cl.getCommandSpec().qualifiedName(), ex, trace);
        }
    }

    /** One line on stderr: "tool: message", marked as internal for code 3; returns the exit code. */
    static int report(PrintWriter err, String tool, Throwable ex, boolean trace) {
        int code = ExitCodes.of(ex);
        String line = tool + ": " + message(ex);
        if (code == ExitCodes.INTERNAL) line += " (internal error" + (trace ? ")" : "; --verbose shows the stack trace)");
        err.println(line);
        if (trace) ex.printStackTrace(err);
        err.flush();
        return code;
    }

    public static void main(Object command, String... args) {
        System.exit(run(command, args));
    }

    static String message(Throwable ex) {
        String m = ex.getMessage();
        boolean plain = ex instanceof UsageException || ex instanceof IllegalArgumentException || ex instanceof java.io.IOException;
        if (m == null || m.isBlank()) return ex.getClass().getSimpleName();
        return plain ? m.lines().findFirst().orElse(m) : ex.getClass().getSimpleName() + ": " + m.lines().findFirst().orElse(m);
    }
}
