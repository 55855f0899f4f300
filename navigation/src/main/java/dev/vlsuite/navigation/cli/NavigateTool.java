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

    @Override
    public void run() {
        throw new UsageException("missing subcommand; try 'navigate --help'");
    }
}
