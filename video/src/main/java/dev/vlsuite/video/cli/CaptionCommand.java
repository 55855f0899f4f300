package dev.vlsuite.video.cli;

import ai.djl.Device;
import dev.vlsuite.shared.cli.DecodingMixin;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.OutputFormat;
import dev.vlsuite.shared.cli.Progress;
import dev.vlsuite.shared.cli.RecordWriter;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.MediaInputs;
import dev.vlsuite.shared.io.MediaKind;
import dev.vlsuite.shared.video.Sampling;
import dev.vlsuite.video.api.DefaultVideoModel;
import dev.vlsuite.video.api.VideoCaption;
import dev.vlsuite.video.api.VideoCaptionOptions;
import dev.vlsuite.video.api.VideoCaptioner;
import dev.vlsuite.video.api.VideoOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code video caption PATHS...}: caption video files and folders. */
@Command(name = "caption", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Caption videos: files, and folders searched recursively for video files (any case).",
                "Bad files are reported on stderr as 'file: reason' (and as records in json/jsonl/csv) and the others are"
                        + " still captioned; the exit code is then 1."})
final class CaptionCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;

    @Parameters(arity = "1..*", paramLabel = "PATHS", description = "Video files and folders.")
    List<Path> paths;

    @Option(names = "--model", paramLabel = "FILE", description = "Model bundle (.vlm) from 'video train'; default: the built-in s2vt model.")
    Path model;

    @Option(names = "--frames", defaultValue = "0", paramLabel = "N", description = "Evenly spaced frames to read; 0 = as the model was trained.")
    int frames;

    @Option(names = "--fps", defaultValue = "0", paramLabel = "F", description = "Read F frames per second instead (time-based).")
    double fps;

    @Option(names = "--every", defaultValue = "0", paramLabel = "K", description = "Read every K-th decoded frame instead.")
    int every;

    @Mixin DecodingMixin decoding;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|jsonl|csv",
            description = "Output: text (file, log-probability, caption), json, jsonl or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DecodingMixin d = decoding.checked();
        VideoCaptionOptions options = new VideoCaptionOptions(d.beam, d.maxLen, d.batch, sampling(frames, fps, every));
        Device device = engine.apply();
        try (VideoCaptioner captioner = open(model, device, err)) {
            RecordWriter<VideoCaption> records = new RecordWriter<>(out, format, VideoColumns.schema());
            int[] failed = {0};
            List<Path> files = MediaInputs.list(paths, MediaKind.VIDEOS, (p, why) -> {
                err.println(p + ": " + why);
                records.failure(p.toString(), why);
                failed[0]++;
            });
            try (Progress progress = Progress.start("caption", files.size())) {
                captioner.captionEach(files, options, o -> {
                    write(records, o);
                    if (!o.ok()) {
                        err.println(o.errorLine());
                        failed[0]++;
                    } else if (o.caption().note() != null) {
                        err.println(o.file() + ": " + o.caption().note() + "; captioned what decoded");
                        failed[0]++; // a damaged file is bad input even when part of it could be captioned
                    }
                    err.flush();
                    progress.step();
                });
            }
            records.finish();
            return failed[0] == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
        }
    }

    /**
     * Opens {@code model}, or the built-in default (saying so on {@code err}, as 'caption run' does); an unusable
     * model file is a usage error (exit 2) with one line.
     */
    static VideoCaptioner open(Path model, Device device, PrintWriter err) throws IOException {
        try {
            Path file = model;
            if (file == null) {
                file = DefaultVideoModel.file();
                err.println("video: no --model given: using the built-in default model (s2vt, synthetic clips; " + file + ")");
                err.flush();
            }
            return VideoCaptioner.load(file, device);
        } catch (BundleException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** --frames N, --fps F or --every K (at most one); null: the model's own frame count. */
    static Sampling sampling(int frames, double fps, int every) {
        if (frames < 0 || fps < 0 || every < 0) throw new UsageException("--frames, --fps and --every must be >= 0");
        int given = (frames > 0 ? 1 : 0) + (fps > 0 ? 1 : 0) + (every > 0 ? 1 : 0);
        if (given > 1) throw new UsageException("give one of --frames, --fps and --every");
        if (frames > 0) return Sampling.evenly(frames);
        if (fps > 0) return Sampling.fps(fps);
        if (every > 0) return Sampling.everyKth(every);
        return null;
    }

    private static void write(RecordWriter<VideoCaption> records, VideoOutcome o) {
        if (o.ok()) records.success(o.file().toString(), o.caption());
        else records.failure(o.file().toString(), o.error());
    }
}
