package dev.vlsuite.video.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options {@code video eval} takes for {@code --task classify} only (kept here so eval's own list stays short). */
final class ClassifyEvalOptions {
    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "--task classify: accuracy and confusion matrix as text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "--task classify: keep the videos' frame features here (evaluating several models decodes each video once).")
    Path cache;
}
