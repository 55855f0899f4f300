package dev.vlsuite.shared.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A tool run in-process with its stdout and stderr captured: how the modules' tool tests (and programs that
 * embed a tool) see exactly what a user would. The capture also goes to the real stderr, so a failing test's
 * log shows what the tool said.
 */
public record CapturedRun(int exit, String out, String err) {

    /** Runs {@code command} (a picocli command object) with {@code args}; {@code name} labels the echoed log. */
    public static synchronized CapturedRun of(String name, Object command, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Tools.run(command, args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        CapturedRun r = new CapturedRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        oldErr.println(name + " " + String.join(" ", args) + " -> " + code + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err);
        return r;
    }

    /** stderr lines that are not native-library noise (libtorch prints its warnings, "[W...", directly). */
    public List<String> errLines() {
        return err.lines().filter(l -> !l.startsWith("[W")).toList();
    }
}
