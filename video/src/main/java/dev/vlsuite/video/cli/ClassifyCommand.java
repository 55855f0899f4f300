package dev.vlsuite.video.cli;

import ai.djl.Device;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.OutputFormat;
import dev.vlsuite.shared.cli.Progress;
import dev.vlsuite.shared.cli.RecordWriter;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.MediaInputs;
import dev.vlsuite.shared.io.MediaKind;
import dev.vlsuite.video.api.ActionClassifier;
import dev.vlsuite.video.api.ActionOptions;
import dev.vlsuite.video.api.ActionPrediction;
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

/** {@code video classify PATHS...}: the action in each video file (api.ActionClassifier). */
@Command(name = "classify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Classify the action in videos: files, and folders searched recursively for video files.",
                "Without --model the built-in classifier (synthetic motions: left, right, up, down, grow, shrink, recolour)"
                        + " is used, and stderr says so.",
                "Bad files are reported on stderr as 'file: reason' (and as records in json/jsonl/csv) and the others are"
                        + " still classified; the exit code is then 1."})
final class ClassifyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;

    @Parameters(arity = "1..*", paramLabel = "PATHS", description = "Video files and folders.")
    List<Path> paths;

    @Option(names = "--model", paramLabel = "FILE", description = "Classifier bundle (.vlm) from 'video train --task classify' (default: the built-in one).")
    Path model;

    @Option(names = "--top", defaultValue = "3", paramLabel = "K", description = "Classes listed per video, best first (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--frames", defaultValue = "0", paramLabel = "N", description = "Evenly spaced frames to read; 0 = as the model was trained.")
    int frames;

    @Option(names = "--fps", defaultValue = "0", paramLabel = "F", description = "Read F frames per second instead (time-based).")
    double fps;

    @Option(names = "--every", defaultValue = "0", paramLabel = "K", description = "Read every K-th decoded frame instead.")
    int every;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "N", description = "Videos per model call (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|jsonl|csv",
            description = "Output: text (file, label, probability, top-k), json, jsonl or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ActionOptions options;
        try {
            options = new ActionOptions(top, batch, CaptionCommand.sampling(frames, fps, every));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
        Device device = engine.apply();
        ActionClassifier classifier;
        try {
            classifier = ActionClassifier.load(model, device);
        } catch (BundleException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        try (classifier) {
            if (classifier.builtIn()) {
                err.println("video classify: using the built-in classifier (" + String.join(", ", classifier.classes())
                        + "; trained on synthetic clips); pass --model FILE for your own");
                err.flush();
            }
            RecordWriter<ActionPrediction> records = new RecordWriter<>(out, format, ActionColumns.schema());
            int[] failed = {0};
            List<Path> files = MediaInputs.list(paths, MediaKind.VIDEOS, (p, why) -> {
                err.println(p + ": " + why);
                records.failure(p.toString(), why);
                failed[0]++;
            });
            try (Progress progress = Progress.start("classify", files.size())) {
                classifier.classifyEach(files, options, o -> {
                    if (o.ok()) {
                        records.success(o.file().toString(), o.prediction());
                        if (o.prediction().note() != null) {
                            err.println(o.file() + ": " + o.prediction().note() + "; classified what decoded");
                            failed[0]++; // a damaged file is bad input even when part of it could be classified
                        }
                    } else {
                        records.failure(o.file().toString(), o.error());
                        err.println(o.errorLine());
                        failed[0]++;
                    }
                    err.flush();
                    progress.step();
                });
            }
            records.finish();
            return failed[0] == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
        }
    }
}
