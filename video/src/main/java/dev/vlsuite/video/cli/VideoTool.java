package dev.vlsuite.video.cli;

import dev.vlsuite.shared.cli.Tools;
import dev.vlsuite.shared.cli.UsageException;
import picocli.CommandLine.Command;

/** {@code video}: caption video files with S2VT. Parses options, calls the library (video.api, video.training). */
@Command(name = "video", mixinStandardHelpOptions = true, version = "vlsuite video 0.1",
        description = "Caption video files with S2VT (and the mean-pool baseline), or classify their action; frames read from any file FFmpeg decodes.",
        subcommands = {CaptionCommand.class, FramesCommand.class, FeaturesCommand.class, TrainCommand.class, EvalCommand.class,
                FuseCommand.class, ClassifyCommand.class})
public final class VideoTool implements Runnable {
    public static void main(String[] args) {
        Tools.mainQuietNatives(new VideoTool(), args);
    }

    @Override
    public void run() {
        throw new UsageException("missing subcommand; try 'video --help'");
    }
}
