package dev.vlsuite.navigation.cli;

import dev.vlsuite.shared.cli.Tools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the navigate tool in-process and captures its streams. */
record ToolRun(int exit, String out, String err) {

    static ToolRun of(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Tools.run(new NavigateTool(), args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        ToolRun r = new ToolRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        oldErr.println("navigate " + String.join(" ", args) + " -> " + code + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err);
        return r;
    }
}
