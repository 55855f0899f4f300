package dev.vlsuite.video.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.assets.Samples;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.shared.train.LrSchedule;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.video.api.DefaultVideoModel;
import dev.vlsuite.video.model.Arch;
import dev.vlsuite.video.model.Streams;
import dev.vlsuite.video.model.VideoConfig;
import dev.vlsuite.video.model.VideoNets;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The recipe in assets/README.md's "Bundled video model" section is the one the bundled video-s2vt.vlm was made with:
 * its {@code bin/video train} line parses into the model the bundle holds (arch, sizes, frames, backbone, input side,
 * vocabulary of the synthetic clips) and the optimiser the README describes, on the data its {@code bin/synth videos}
 * line writes.
 */
class DefaultModelRecipeTest {
    private static final Path README = Path.of("..", "assets", "README.md"); // tests run in the module folder

    @TempDir Path tmp;

    private static List<List<String>> readmeCommands(String prefix) throws Exception {
        String text = Files.readString(README);
        int section = text.indexOf("## Bundled video model");
        assertTrue(section >= 0, README + " has no 'Bundled video model' section");
        int next = text.indexOf("\n## ", section + 1);
        String joined = text.substring(section, next < 0 ? text.length() : next).replace("\\\n", " ");
        List<List<String>> out = new ArrayList<>();
        for (String line : joined.lines().map(String::trim).filter(l -> l.contains(prefix)).toList()) {
            out.add(new ArrayList<>(Arrays.asList(line.substring(line.indexOf(prefix) + prefix.length()).trim().split("\\s+"))));
        }
        return out;
    }

    private static List<String> readmeCommand(String prefix) throws Exception {
        List<List<String>> found = readmeCommands(prefix);
        assertEquals(1, found.size(), "one '" + prefix + "' line in " + README + ": " + found);
        return found.get(0);
    }

    private static String value(List<String> args, String option) {
        return args.get(args.indexOf(option) + 1);
    }

    /**
     * Three commands after the data: an rgb s2vt, a diff s2vt (the motion stream alone) on the same data and sizes,
     * and {@code video fuse} of the two into the rgb+diff bundle.
     */
    @Test
    void readmeCommandsMadeTheBundledModel() throws Exception {
        List<List<String>> trains = readmeCommands("bin/video train");
        assertEquals(2, trains.size(), "an rgb and a diff 'bin/video train' line in " + README + ": " + trains);
        List<String> rgbArgs = trains.stream().filter(a -> !a.contains("--streams")).findFirst().orElseThrow();
        List<String> diffArgs = trains.stream().filter(a -> a.contains("--streams")).findFirst().orElseThrow();
        assertEquals("diff", value(diffArgs, "--streams"));
        TrainCommand rgb = new TrainCommand(), diff = new TrainCommand();
        new CommandLine(rgb).parseArgs(rgbArgs.toArray(String[]::new));
        new CommandLine(diff).parseArgs(diffArgs.toArray(String[]::new));
        TrainConfig expected = TrainConfig.defaults().withEpochs(1000).withMaxSteps(3000)
                .withLr(3e-3, LrSchedule.cosine(0, 0.05).withWarmup(100)).withClipNorm(5)
                .withValidation(500, "CIDEr", TrainConfig.Goal.MAX, 0).withLogEvery(100).withSeed(7);
        assertEquals(expected, rgb.trainConfig());
        assertEquals(expected, diff.trainConfig());

        List<String> fuse = readmeCommand("bin/video fuse");
        assertEquals(rgb.out.toString(), value(fuse, "--rgb"));
        assertEquals(diff.out.toString(), value(fuse, "--diff"));
        double weight = Double.parseDouble(value(fuse, "--diff-weight"));
        assertTrue(value(fuse, "--out").endsWith(DefaultVideoModel.RESOURCE.substring(DefaultVideoModel.RESOURCE.lastIndexOf('/') + 1)), fuse.toString());

        VideoConfig bundled;
        try (InputStream in = Samples.class.getResourceAsStream(DefaultVideoModel.RESOURCE)) {
            Path copy = tmp.resolve("model.vlm");
            Files.write(copy, in.readAllBytes());
            bundled = ModelBundle.read(copy, VideoNets.TASK).config(VideoConfig.class);
        }
        VideoConfig fromCommands = VideoConfig.paper(Arch.parse(rgb.arch)).withSizes(rgb.proj, rgb.embed, rgb.hidden, rgb.dropout)
                .withMaxLength(rgb.maxLen).withStreams(Streams.RGB_DIFF, weight)
                .withData(bundled.vocabSize(), bundled.featureSize(), rgb.frames, rgb.backbone, rgb.imageSize, bundled.spatialSide());
        assertEquals(fromCommands, bundled);
        VideoConfig diffModel = VideoConfig.paper(Arch.parse(diff.arch)).withSizes(diff.proj, diff.embed, diff.hidden, diff.dropout)
                .withMaxLength(diff.maxLen).withStreams(Streams.DIFF, 1)
                .withData(bundled.vocabSize(), bundled.streamFeatureSize(), diff.frames, diff.backbone, diff.imageSize, bundled.spatialSide());
        assertEquals(bundled.oneStream(), diffModel.oneStream(), "the diff model has the rgb model's arch, sizes, frames and backbone");
        assertEquals(2 * 4 * 4 * 128, bundled.featureSize(), "vgg-small's 4x4 map of 128 channels, frames and differences");
        assertEquals(rgb.data, diff.data);
        assertEquals(rgb.cacheDir, diff.cacheDir);

        List<String> synth = readmeCommand("bin/synth videos");
        Path data = Path.of(value(synth, "--out"));
        assertEquals(data.resolve("videodatainfo.json"), rgb.data);
        assertEquals("7", value(synth, "--seed"));
        assertEquals("1500", value(synth, "--count"));
    }
}
