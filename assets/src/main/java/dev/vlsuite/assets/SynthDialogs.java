package dev.vlsuite.assets;

import dev.vlsuite.assets.dataset.DialogWriter;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.Progress;
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

    @Mixin
    SceneOptions scene;

    @Override
    public Integer call() throws IOException {
        SynthOutput.requirePositive(count);
        SceneOptions.Checked checked = scene.check();
        Path out = output.checkedFolder();
        List<Scene> scenes = SyntheticWorld.generate(output.seed, count, checked.size(), checked.world());
        DialogWriter.Written written;
        try (Progress bar = Progress.start("synth", count)) {
            written = DialogWriter.write(out, scenes, checked.splits(), bar::step);
        }
        System.out.printf("wrote %d images, %d dialogs, %d rounds, %d dense rounds to %s (seed %d)%n",
                written.images(), written.dialogs(), written.rounds(), written.denseRounds(), out, output.seed);
        return ExitCodes.OK;
    }
}
