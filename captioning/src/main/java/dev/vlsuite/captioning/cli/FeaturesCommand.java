package dev.vlsuite.captioning.cli;

import ai.djl.Device;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.Progress;
import dev.vlsuite.shared.io.captions.CaptionDataset;
import dev.vlsuite.shared.vision.Backbones;
import dev.vlsuite.shared.vision.CacheOptions;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.shared.vision.FeatureExtractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caption features}: extract and cache backbone features of a dataset's images (shared FeatureCache). */
@Command(name = "features", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Extract backbone features of a dataset's images once into a feature cache that training reads.")
final class FeaturesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;
    @Mixin DatasetArgs data;

    @Option(names = "--split", paramLabel = "NAME", description = "Only this split (default: every image).")
    String split;

    @Option(names = "--backbone", defaultValue = "vgg-small", paramLabel = "SPEC",
            description = "vgg-small, vgg16, vgg16:FILE.pt|.params, torchscript:FILE.pt (default: ${DEFAULT-VALUE}).")
    String backbone;

    @Option(names = "--image-size", defaultValue = "0", paramLabel = "PX", description = "Input side; 0 = the backbone's own.")
    int imageSize;

    @Option(names = "--cache", required = true, paramLabel = "DIR", description = "Feature cache folder.")
    Path cacheDir;

    @Option(names = "--batch", defaultValue = "8", paramLabel = "N", description = "Images per CNN call (default: ${DEFAULT-VALUE}).")
    int batch;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CaptionDataset d = data.read(split);
        List<Path> files = new ArrayList<>(data.files(d, err).values());
        int unresolved = d.images().size() - files.size();
        Device device = engine.apply();
        try (FeatureExtractor fx = Backbones.open(backbone, device, imageSize);
             FeatureCache cache = FeatureCache.open(cacheDir, fx, CacheOptions.defaults().withBatchSize(batch));
             Progress progress = Progress.start("features", files.size())) {
            java.util.function.Consumer<String> say = line -> {
                err.println(line);
                err.flush();
            };
            FeatureCache.EnsureResult r = cache.ensure(files, say, progress::stepTo, say);
            out.printf("features: %d images (%d already cached, %d extracted, %d failed) in %s%n",
                    files.size(), r.alreadyCached(), r.extracted(), r.failed() + unresolved, cache.directory());
            out.flush();
            return r.failed() + unresolved == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
        }
    }
}
