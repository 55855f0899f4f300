package dev.vlsuite.navigation.cli;

import dev.vlsuite.shared.cli.Tools;
import dev.vlsuite.shared.cli.UsageException;
import picocli.CommandLine.Command;

/** {@code navigate}: follow route instructions through houses (R2R), headless; score with the official metrics. */
@Command(name = "navigate", mixinStandardHelpOptions = true, version = "vlsuite navigate 0.1",
        description = "Vision-language navigation on R2R-style houses (connectivity graphs + view features), headless; official R2R metrics.",
        subcommands = {RunCommand.class, TrainCommand.class, EvalCommand.class, ScoreCommand.class})
public final class NavigateTool implements Runnable {
    public static void main(String[] args) {
        Tools.mainQuietNatives(new NavigateTool(), args);
    }

    /** One line on stderr when no --model is given: which agent runs. */
    static void sayBuiltIn(java.io.PrintWriter err) {
        err.println("navigate: no --model given: using the built-in seq2seq agent (trained on synthetic houses, "
                + dev.vlsuite.navigation.api.DefaultAgent.RESOURCE + ")");
        err.flush();
    }

    @Override
    public void run() {
        throw new UsageException("missing subcommand; try 'navigate --help'");
    }
}
