package dev.vlsuite.assets;

import dev.vlsuite.assets.dataset.SceneWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.WrittenDataset;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.Progress;
import dev.vlsuite.shared.cli.Tools;
import dev.vlsuite.shared.cli.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synth}: writes synthetic datasets. Parses options and calls the assets library. */
@Command(name = "synth", mixinStandardHelpOptions = true, version = "vlsuite synth 0.1",
        description = "Generate synthetic vision-language data, deterministically from a seed.",
        subcommands = {SynthTool.Scenes.class})
public final class SynthTool implements Runnable {
    public static void main(String[] args) {
        Tools.main(new SynthTool(), args);
    }

    @Override
    public void run() {
        throw new UsageException("missing subcommand; try 'synth scenes --help'");
    }

    @Command(name = "scenes", mixinStandardHelpOptions = true,
            description = "Shape scenes: DIR/images/*.png, dataset.json (Karpathy split format, 5 captions per image), "
                    + "questions.json + annotations.json (VQA v2 format) and scenes.json (objects and boxes).")
    static final class Scenes implements Callable<Integer> {
        @Option(names = "--count", defaultValue = "50", paramLabel = "N", description = "Number of scenes (default: ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (must be empty or new unless --force).")
        Path out;

        @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed; same seed, same bytes (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--size", defaultValue = "128", paramLabel = "PX", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--split", defaultValue = "0.8,0.1,0.1", paramLabel = "TRAIN,VAL,TEST",
                description = "Split proportions, assigned in scene order (default: ${DEFAULT-VALUE}).")
        String split;

        @Option(names = "--max-objects", defaultValue = "4", paramLabel = "N", description = "Most objects per scene, 1-4 (default: ${DEFAULT-VALUE}).")
        int maxObjects;

        @Option(names = "--force", description = "Write into a non-empty DIR (files of the same name are replaced).")
        boolean force;

        @Override
        public Integer call() throws IOException {
            if (count < 1) throw new UsageException("--count must be at least 1: " + count);
            if (size < 16 || size > 4096) throw new UsageException("--size must be between 16 and 4096: " + size);
            Splits splits;
            WorldOptions options;
            try {
                splits = Splits.parse(split);
                options = new WorldOptions(1, maxObjects, true);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            checkOutput(out, force);
            List<Scene> scenes = SyntheticWorld.generate(seed, count, size, options);
            WrittenDataset written;
            try (Progress bar = Progress.start("synth", count)) {
                written = SceneWriter.write(out, scenes, splits, bar::step);
            }
            System.out.printf("wrote %d images, %d captions, %d questions to %s (seed %d)%n",
                    written.images(), written.captions(), written.questions(), out, seed);
            return ExitCodes.OK;
        }

        private static void checkOutput(Path dir, boolean force) throws IOException {
            if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UsageException("--out is a file, not a folder: " + dir);
            if (!force && Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent())
                        throw new UsageException("output folder is not empty: " + dir + " (use --force to write into it)");
                }
            }
        }
    }
}
