package dev.vlsuite.assets;

import dev.vlsuite.assets.dataset.DialogWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.Progress;
import dev.vlsuite.shared.cli.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synth dialogs}: shape scenes with ten-round dialogs in the VisDial v1.0 layout. */
@Command(name = "dialogs", mixinStandardHelpOptions = true,
        description = "Shape scenes with 10-round dialogs (VisDial v1.0 layout, 100 candidate answers per round): "
                + "DIR/images/*.png, visdial_1.0_{train,val,test}.json and visdial_1.0_val_dense_annotations.json.")
final class SynthDialogs implements Callable<Integer> {
    @Option(names = "--count", defaultValue = "50", paramLabel = "N", description = "Number of scenes (default: ${DEFAULT-VALUE}).")
    int count;

    @Mixin
    SynthOutput output;

    @Option(names = "--size", defaultValue = "128", paramLabel = "PX", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--split", defaultValue = "0.8,0.1,0.1", paramLabel = "TRAIN,VAL,TEST",
            description = "Split proportions, assigned in scene order (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--max-objects", defaultValue = "4", paramLabel = "N", description = "Most objects per scene, 1-4 (default: ${DEFAULT-VALUE}).")
    int maxObjects;

    @Override
    public Integer call() throws IOException {
        SynthOutput.requirePositive(count);
        if (size < 16 || size > 4096) throw new UsageException("--size must be between 16 and 4096: " + size);
        Splits splits;
        WorldOptions options;
        try {
            splits = Splits.parse(split);
            options = new WorldOptions(1, maxObjects, true);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path out = output.checkedFolder();
        List<Scene> scenes = SyntheticWorld.generate(output.seed, count, size, options);
        DialogWriter.Written written;
        try (Progress bar = Progress.start("synth", count)) {
            written = DialogWriter.write(out, scenes, splits, bar::step);
        }
        System.out.printf("wrote %d images, %d dialogs, %d rounds, %d dense rounds to %s (seed %d)%n",
                written.images(), written.dialogs(), written.rounds(), written.denseRounds(), out, output.seed);
        return ExitCodes.OK;
    }
}
