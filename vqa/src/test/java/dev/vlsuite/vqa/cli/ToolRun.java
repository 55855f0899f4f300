package dev.vlsuite.vqa.cli;

import dev.vlsuite.shared.cli.CapturedRun;
import java.util.List;

/** Runs the vqa tool in-process and captures its streams (shared CapturedRun). */
record ToolRun(int exit, String out, String err) {

    static ToolRun of(String... args) {
        return from(CapturedRun.of("vqa", new VqaTool(), args));
    }

    private static ToolRun from(CapturedRun r) {
        return new ToolRun(r.exit(), r.out(), r.err());
    }

    /** stderr lines that are not native-library noise (libtorch prints warnings directly). */
    List<String> errLines() {
        return new CapturedRun(exit, out, err).errLines();
    }
}
