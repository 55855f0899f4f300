package dev.vlsuite.video.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.assets.Samples;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.shared.train.LrSchedule;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.video.api.DefaultVideoModel;
import dev.vlsuite.video.model.Arch;
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

    private static List<String> readmeCommand(String prefix) throws Exception {
        String text = Files.readString(README);
        int section = text.indexOf("## Bundled video model");
        assertTrue(section >= 0, README + " has no 'Bundled video model' section");
        int next = text.indexOf("\n## ", section + 1);
        String joined = text.substring(section, next < 0 ? text.length() : next).replace("\\\n", " ");
        List<String> found = joined.lines().map(String::trim).filter(l -> l.contains(prefix)).toList();
        assertEquals(1, found.size(), "one '" + prefix + "' line in " + README + ": " + found);
        String line = found.get(0);
        return new ArrayList<>(Arrays.asList(line.substring(line.indexOf(prefix) + prefix.length()).trim().split("\\s+")));
    }

    @Test
    void readmeTrainCommandMadeTheBundledModel() throws Exception {
        List<String> args = readmeCommand("bin/video train");
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        TrainConfig expected = TrainConfig.defaults().withEpochs(1000).withMaxSteps(3000)
                .withLr(3e-3, LrSchedule.cosine(0, 0.05).withWarmup(100)).withClipNorm(5)
                .withValidation(500, "CIDEr", TrainConfig.Goal.MAX, 0).withLogEvery(100).withSeed(7);
        assertEquals(expected, command.trainConfig());

        VideoConfig bundled;
        try (InputStream in = Samples.class.getResourceAsStream(DefaultVideoModel.RESOURCE)) {
            Path copy = tmp.resolve("model.vlm");
            Files.write(copy, in.readAllBytes());
            bundled = ModelBundle.read(copy, VideoNets.TASK).config(VideoConfig.class);
        }
        VideoConfig fromCommand = VideoConfig.paper(Arch.parse(command.arch)).withSizes(command.proj, command.embed, command.hidden, command.dropout)
                .withMaxLength(command.maxLen)
                .withData(bundled.vocabSize(), bundled.featureSize(), command.frames, command.backbone, command.imageSize, bundled.spatialSide());
        assertEquals(fromCommand, bundled);
        assertEquals(4 * 4 * 128, bundled.featureSize(), "vgg-small's 4x4 map of 128 channels");

        List<String> synth = readmeCommand("bin/synth videos");
        Path data = Path.of(synth.get(synth.indexOf("--out") + 1));
        assertEquals(data.resolve("videodatainfo.json"), command.data);
        assertEquals("7", synth.get(synth.indexOf("--seed") + 1));
        assertEquals("1500", synth.get(synth.indexOf("--count") + 1));
    }
}
