package dev.vlsuite.video.cli;

import ai.djl.Device;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.Progress;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.MediaInputs;
import dev.vlsuite.shared.io.MediaKind;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.shared.video.BadVideoException;
import dev.vlsuite.shared.video.Sampling;
import dev.vlsuite.video.api.FeatureStore;
import dev.vlsuite.video.api.FrameFeatures;
import dev.vlsuite.video.api.StreamFeatures;
import dev.vlsuite.video.api.VideoFeatures;
import dev.vlsuite.video.model.Streams;
import dev.vlsuite.video.model.VideoConfig;
import dev.vlsuite.video.model.VideoNets;
import dev.vlsuite.video.training.VideoCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code video features PATHS... --out DIR}: per-video frame features into the cache 'video train --cache DIR' reads. */
@Command(name = "features", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Extract the frame features of videos (files, folders, and/or every clip of --data) once, into the",
                "feature cache DIR that 'video train --cache DIR' reads with the same --backbone, --image-size and --frames.",
                "Bad files are reported on stderr and skipped (exit 1); features already in DIR are not extracted again."})
final class FeaturesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;

    @Parameters(arity = "0..*", paramLabel = "PATHS", description = "Video files and folders.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--data", paramLabel = "FILE", description = "Also every clip of this MSR-VTT json or MSVD csv (all splits).")
    Path data;

    @Option(names = "--videos", paramLabel = "DIR", description = "Folder of --data's clips (default as 'train').")
    Path videos;

    @Option(names = {"--out", "--cache"}, required = true, paramLabel = "DIR", description = "Feature cache folder.")
    Path cacheDir;

    @Option(names = "--model", paramLabel = "FILE", description = "Take backbone, input side and frame count from this model.")
    Path model;

    @Option(names = "--backbone", defaultValue = "vgg-small", paramLabel = "SPEC",
            description = "vgg-small (4x4 map of its grid), vgg16 (fc7), vgg16:FILE.pt|.params (default: ${DEFAULT-VALUE}).")
    String backbone;

    @Option(names = "--image-size", defaultValue = "0", paramLabel = "PX", description = "Backbone input side; 0 = its own.")
    int imageSize;

    @Option(names = "--frames", defaultValue = "32", paramLabel = "N", description = "Evenly spaced frames per video, as 'train' (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--streams", defaultValue = "rgb", paramLabel = "rgb|rgb+diff",
            description = "rgb+diff also extracts the frame differences' features, as 'train --streams rgb+diff' (default: ${DEFAULT-VALUE}).")
    String streams;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (paths.isEmpty() && data == null) throw new UsageException("give video files or folders, or --data FILE");
        int spatial = -1;
        Streams inputs;
        try {
            inputs = Streams.parse(streams);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        if (model != null) {
            try {
                VideoConfig c = ModelBundle.read(model, VideoNets.TASK).config(VideoConfig.class);
                backbone = c.backbone();
                imageSize = c.imageSize();
                frames = c.frames();
                spatial = c.spatialSide();
                inputs = c.streams();
            } catch (BundleException | IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
        if (frames < 1) throw new UsageException("--frames must be >= 1: " + frames);
        int[] failed = {0};
        Set<Path> files = new LinkedHashSet<>(MediaInputs.list(paths, MediaKind.VIDEOS, (p, why) -> {
            err.println(p + ": " + why);
            failed[0]++;
        }));
        if (data != null) {
            if (!Files.isRegularFile(data)) throw new UsageException(data + ": no such file");
            for (VideoCorpus.Item item : VideoCorpus.read(data, videos, 0, 0, line -> {
                err.println(line);
                failed[0]++;
            })) files.add(item.file());
        }
        Device device = engine.apply();
        Sampling sampling = Sampling.evenly(frames);
        FeatureStore store = new FeatureStore(cacheDir);
        int extracted = 0, reused = 0;
        try (FrameFeatures features = FrameFeatures.open(backbone, imageSize, spatial, device);
             Progress progress = Progress.start("features", files.size())) {
            StreamFeatures input = new StreamFeatures(features, inputs, store);
            for (Path file : files) {
                try {
                    if (input.cached(file, sampling)) {
                        reused++;
                    } else {
                        VideoFeatures f = input.read(file, sampling);
                        if (f.note() != null) {
                            err.println(file + ": " + f.note() + "; not cached");
                            failed[0]++;
                        } else {
                            extracted++;
                        }
                    }
                } catch (BadVideoException e) {
                    err.println(e.getMessage());
                    failed[0]++;
                }
                err.flush();
                progress.step();
            }
            out.printf(Locale.ROOT, "features: %d videos extracted, %d already cached, %d failed; %d frames of %d values each"
                    + " (%s at %d px, %s) in %s%n", extracted, reused, failed[0], frames, input.featureSize(), backbone,
                    features.imageSize(), inputs, cacheDir);
        } catch (BundleException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        out.flush();
        return failed[0] == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }
}
