package dev.vlsuite.navigation.cli;

import dev.vlsuite.shared.cli.CapturedRun;

/** Runs the navigate tool in-process and captures its streams (shared CapturedRun). */
record ToolRun(int exit, String out, String err) {

    static ToolRun of(String... args) {
        return from(CapturedRun.of("navigate", new NavigateTool(), args));
    }

    private static ToolRun from(CapturedRun r) {
        return new ToolRun(r.exit(), r.out(), r.err());
    }
}
