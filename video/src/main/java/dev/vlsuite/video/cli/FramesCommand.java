package dev.vlsuite.video.cli;

import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.shared.video.BadVideoException;
import dev.vlsuite.shared.video.Sampling;
import dev.vlsuite.video.api.DefaultVideoModel;
import dev.vlsuite.video.api.FramePictures;
import dev.vlsuite.video.model.VideoConfig;
import dev.vlsuite.video.model.VideoNets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code video frames FILE --out DIR}: the sampled frames as PNGs plus one contact sheet (what the model saw). */
@Command(name = "frames", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the frames a model reads from FILE as DIR/frame-NNN.png (upright, square pixels) and one",
                "contact sheet DIR/sheet.png of the centre squares the backbone sees, labelled '#frame' (and its time on tiles >= 96 px).",
                "Sampling as 'caption': the model's own frame count unless --frames, --fps or --every."})
final class FramesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A video file.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the PNGs (created; files of the same name are replaced).")
    Path outDir;

    @Option(names = "--model", paramLabel = "FILE", description = "Take the frame count and input side from this model; default: the built-in one.")
    Path model;

    @Option(names = "--frames", defaultValue = "0", paramLabel = "N", description = "Evenly spaced frames to read; 0 = as the model was trained.")
    int frames;

    @Option(names = "--fps", defaultValue = "0", paramLabel = "F", description = "Read F frames per second instead (time-based).")
    double fps;

    @Option(names = "--every", defaultValue = "0", paramLabel = "K", description = "Read every K-th decoded frame instead.")
    int every;

    @Option(names = "--tile", defaultValue = "0", paramLabel = "PX", description = "Contact-sheet tile side; 0 = the model's input side.")
    int tile;

    @Option(names = "--verbose", description = "Show FFmpeg's own log.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Sampling sampling = CaptionCommand.sampling(frames, fps, every);
        if (tile < 0) throw new UsageException("--tile must be >= 0: " + tile);
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) throw new UsageException(outDir + ": not a folder");
        if (sampling == null || tile == 0) {
            VideoConfig c = config();
            if (sampling == null) sampling = Sampling.evenly(c.frames());
            if (tile == 0) tile = c.imageSize() > 0 ? c.imageSize() : 128;
        }
        FramePictures.Written w;
        try {
            w = FramePictures.write(file, sampling, tile, outDir);
        } catch (BadVideoException e) {
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.SOME_INPUTS_FAILED;
        }
        out.printf(Locale.ROOT, "%s: wrote %d frames and %s%n", file, w.frames().size(), w.sheet());
        out.flush();
        if (w.summary().truncated()) {
            err.println(file + ": " + w.summary().note() + "; wrote what decoded");
            err.flush();
            return ExitCodes.SOME_INPUTS_FAILED;
        }
        return ExitCodes.OK;
    }

    /** The model's config only (no weights, no backbone): its frame count and input side. */
    private VideoConfig config() throws IOException {
        try {
            Path f = model != null ? model : DefaultVideoModel.file();
            return ModelBundle.read(f, VideoNets.TASK).config(VideoConfig.class);
        } catch (BundleException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
