package dev.vlsuite.shared.cli;

import ai.djl.Device;
import dev.vlsuite.shared.engine.EngineOptions;
import dev.vlsuite.shared.engine.VlEngine;
import picocli.CommandLine.Option;

/** --device, --threads, --seed, --verbose: honoured by every vlsuite tool (use as a picocli @Mixin). */
public class EngineMixin {
    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu[:N]",
            description = "Where to run: auto picks the GPU when DJL finds one, else the CPU (default: ${DEFAULT-VALUE}).")
    public String device;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "PyTorch intra-op threads; 0 = number of cores (default).")
    public int threads;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    public long seed;

    @Option(names = "--verbose", description = "Show engine and native library logs.")
    public boolean verbose;

    public EngineOptions options() {
        return new EngineOptions(device, threads, seed, verbose);
    }

    /** Configures the engine from these options and returns the chosen device. */
    public Device apply() {
        try {
            return VlEngine.configure(options());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--device: " + e.getMessage(), e);
        }
    }
}
