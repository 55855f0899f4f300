package dev.vlsuite.video.cli;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.BundleContents;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.video.model.Streams;
import dev.vlsuite.video.model.VideoConfig;
import dev.vlsuite.video.model.VideoNet;
import dev.vlsuite.video.model.VideoNets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code video fuse}: one rgb+diff model from an rgb model and a diff model trained apart on the same data, as S2VT
 * combines its separately trained RGB and flow models at the word scores. The weight can be chosen after training.
 */
@Command(name = "fuse", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fuse an rgb model and a diff (frame-difference) model of the same arch, sizes, frames, backbone and",
                "vocabulary into one rgb+diff model: word score (1 - A) log p_rgb + A log p_diff."})
final class FuseCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--rgb", required = true, paramLabel = "MODEL", description = "Model trained with --streams rgb.")
    Path rgb;

    @Option(names = "--diff", required = true, paramLabel = "MODEL", description = "Model trained with --streams diff on the same data.")
    Path diff;

    @Option(names = "--diff-weight", defaultValue = "0.5", paramLabel = "A", description = "Weight of the motion stream (default: ${DEFAULT-VALUE}).")
    double weight;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "The rgb+diff model to write (.vlm).")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        BundleContents a, b;
        VideoConfig ca, cb, fused;
        try {
            a = ModelBundle.read(rgb, VideoNets.TASK);
            b = ModelBundle.read(diff, VideoNets.TASK);
            ca = a.config(VideoConfig.class);
            cb = b.config(VideoConfig.class);
            if (ca.streams() != Streams.RGB) throw new UsageException(rgb + ": not an rgb model (" + ca.streams() + ")");
            if (cb.streams() != Streams.DIFF) throw new UsageException(diff + ": not a diff model (" + cb.streams() + ")");
            if (!ca.oneStream().equals(cb.oneStream())) {
                throw new UsageException(diff + ": arch, sizes, frames or backbone differ from " + rgb + ": " + cb + " vs " + ca);
            }
            if (!a.vocabulary().equals(b.vocabulary())) throw new UsageException(diff + ": another vocabulary than " + rgb + " (train both on the same data)");
            fused = ca.withStreams(Streams.RGB_DIFF, weight);
        } catch (BundleException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            VideoNet net = VideoNets.createInitialized(fused, manager);
            BundleContents.loadParameters(VideoNets.stream(net, 0), manager, a.parameters());
            BundleContents.loadParameters(VideoNets.stream(net, 1), manager, b.parameters());
            ObjectNode meta = Json.MAPPER.createObjectNode();
            meta.put("fusedRgb", rgb.getFileName().toString());
            meta.put("fusedDiff", diff.getFileName().toString());
            meta.set("rgbMetadata", a.metadata());
            meta.set("diffMetadata", b.metadata());
            ModelBundle.write(out, BundleContents.of(VideoNets.TASK, fused, a.vocabulary(), meta, net));
        } catch (MalformedModelException e) {
            throw new BundleException(rgb, "parameters do not fit its config: " + e.getMessage());
        }
        stdout.printf(Locale.ROOT, "fused %s (rgb) and %s (diff, weight %.2f) into %s%n", rgb, diff, weight, out);
        stdout.flush();
        return ExitCodes.OK;
    }
}
