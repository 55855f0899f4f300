package dev.vlsuite.captioning.cli;

import dev.vlsuite.captioning.api.TestModels;
import dev.vlsuite.shared.cli.CapturedRun;
import java.util.List;

/** Runs the caption tool in-process and captures its streams (shared CapturedRun). */
record ToolRun(int exit, String out, String err) {

    /** The tool as shipped (the module's own decoders). */
    static ToolRun real(String... args) {
        return from(CapturedRun.of("caption", new CaptionTool(), args));
    }

    /** The tool with the test fake nets. */
    static ToolRun of(String... args) {
        return from(CapturedRun.of("caption", new CaptionTool(TestModels.NETS), args));
    }

    private static ToolRun from(CapturedRun r) {
        return new ToolRun(r.exit(), r.out(), r.err());
    }

    /** stderr lines that are not native-library noise (libtorch prints warnings directly). */
    List<String> errLines() {
        return new CapturedRun(exit, out, err).errLines();
    }
}
