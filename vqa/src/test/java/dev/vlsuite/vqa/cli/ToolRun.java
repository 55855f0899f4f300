package dev.vlsuite.vqa.cli;

import dev.vlsuite.shared.cli.Tools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the vqa tool in-process and captures its streams. */
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
            code = Tools.run(new VqaTool(), args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        ToolRun r = new ToolRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        oldErr.println("vqa " + String.join(" ", args) + " -> " + code + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err);
        return r;
    }

    /** stderr lines that are not native-library noise (libtorch prints warnings directly). */
    List<String> errLines() {
        return err.lines().filter(l -> !l.startsWith("[W")).toList();
    }
}
