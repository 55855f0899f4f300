package dev.vlsuite.assets;

import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.shared.cli.UsageException;
import picocli.CommandLine.Option;

/** The scene options {@code synth scenes} and {@code synth dialogs} share (a picocli mixin): size, split, objects. */
final class SceneOptions {
    @Option(names = "--size", defaultValue = "128", paramLabel = "PX", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--split", defaultValue = "0.8,0.1,0.1", paramLabel = "TRAIN,VAL,TEST",
            description = "Split proportions, assigned in scene order (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--max-objects", defaultValue = "4", paramLabel = "N", description = "Most objects per scene, 1-4 (default: ${DEFAULT-VALUE}).")
    int maxObjects;

    /** The checked values: a usage error names the bad option. */
    record Checked(int size, Splits splits, WorldOptions world) {}

    Checked check() {
        if (size < 16 || size > 4096) throw new UsageException("--size must be between 16 and 4096: " + size);
        try {
            return new Checked(size, Splits.parse(split), new WorldOptions(1, maxObjects, true));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
