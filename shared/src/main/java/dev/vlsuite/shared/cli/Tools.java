package dev.vlsuite.shared.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Runs a picocli command with vlsuite's conventions (usage errors exit 2, one clear line for failures). */
public final class Tools {
    private Tools() {}

    public static int run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            // one clear line, not a stack trace; --verbose shows the trace
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + message(ex));
            if (System.getProperty("vlsuite.trace") != null) ex.printStackTrace(c.getErr());
            return ex instanceof IllegalArgumentException || ex instanceof UsageException ? ExitCodes.USAGE : ExitCodes.SOME_INPUTS_FAILED;
        });
        return cl.execute(args);
    }

    public static void main(Object command, String... args) {
        System.exit(run(command, args));
    }

    static String message(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }
}
