package dev.vlsuite.captioning.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.assets.SynthTool;
import dev.vlsuite.assets.dataset.SceneWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.captioning.training.CaptionTrainingOptions;
import dev.vlsuite.captioning.training.TrainDefaultModel;
import dev.vlsuite.shared.cli.Tools;
import dev.vlsuite.shared.engine.EngineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The built-in model's command line in assets/README.md configures exactly the dev recipe TrainDefaultModel
 * (which made the bundled caption-soft.vlm): same scenes, model, optimizer, schedule, validation, seed and
 * threads. Only when checkpoints are written may differ (they do not touch the parameters).
 */
class DefaultModelRecipeTest {
    private static final Path README = Path.of("..", "assets", "README.md"); // tests run in the module folder

    @TempDir Path tmp;

    /** The command of README's "Bundled captioning model" section starting with {@code prefix}, as arguments after it. */
    private static List<String> readmeCommand(String prefix) throws Exception {
        String text = Files.readString(README);
        int section = text.indexOf("## Bundled captioning model");
        assertTrue(section >= 0, README + " has no 'Bundled captioning model' section");
        int next = text.indexOf("\n## ", section + 1);
        String joined = text.substring(section, next < 0 ? text.length() : next).replace("\\\n", " ");
        List<String> found = joined.lines().map(String::trim).filter(l -> l.startsWith(prefix)).toList();
        assertEquals(1, found.size(), "one '" + prefix + "' line in " + README + ": " + found);
        return new ArrayList<>(Arrays.asList(found.get(0).substring(prefix.length()).trim().split("\\s+")));
    }

    private static String value(List<String> args, String option) {
        int at = args.indexOf(option);
        assertTrue(at >= 0 && at + 1 < args.size(), option + " in " + args);
        return args.get(at + 1);
    }

    @Test
    void readmeTrainCommandIsTheRecipe() throws Exception {
        List<String> args = readmeCommand("bin/caption train");
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        assertEquals(TrainDefaultModel.trainConfig(TrainDefaultModel.DEFAULT_STEPS).withCheckpointEvery(0).withCheckpointMinutes(0),
                command.trainConfig().withCheckpointEvery(0).withCheckpointMinutes(0));
        // TrainDefaultModel.main: CaptionTrainingOptions.defaults().withValidation("val", 150)
        assertEquals(CaptionTrainingOptions.defaults().withValidation("val", 150), command.trainingOptions());
        // vgg-small: 8x8 grid of 128 channels at 128 px
        assertEquals(TrainDefaultModel.modelConfig().withBackbone("vgg-small", 128, 128, 64), command.modelConfig(128, 64, 128));
        // the bundled model was trained with 2 PyTorch threads on the CPU (the old README's TrainDefaultModel line)
        assertEquals(new EngineOptions("cpu", 2, TrainDefaultModel.SEED, false), command.engine.options());
        assertEquals(null, command.cacheDir, "features of the run folder");

        List<String> synth = readmeCommand("bin/synth scenes");
        Path data = Path.of(value(synth, "--out"));
        assertEquals(data.resolve("dataset.json"), command.data.dataset);
        assertEquals(data, command.data.images);
    }

    @Test
    void readmeSynthCommandWritesTheRecipesScenes() throws Exception {
        List<String> args = readmeCommand("bin/synth scenes");
        assertEquals(TrainDefaultModel.SCENES, Integer.parseInt(value(args, "--count")));
        // the same command on fewer scenes (scene i depends only on seed, i, size and max objects)
        args.set(args.indexOf("--count") + 1, "40");
        args.set(args.indexOf("--out") + 1, tmp.resolve("cli").toString());
        args.add(0, "scenes");
        assertEquals(0, Tools.run(new SynthTool(), args.toArray(String[]::new)));
        // TrainDefaultModel.main's data
        SceneWriter.write(tmp.resolve("recipe"), SyntheticWorld.generate(TrainDefaultModel.SEED, 40, 128, WorldOptions.DEFAULT),
                new Splits(0.9, 0.05, 0.05));
        for (String file : List.of("dataset.json", "scenes.json", "images/000000.png", "images/000039.png")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("recipe").resolve(file)),
                    Files.readAllBytes(tmp.resolve("cli").resolve(file)), file);
        }
    }
}
