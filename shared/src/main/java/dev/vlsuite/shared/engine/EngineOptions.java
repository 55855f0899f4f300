package dev.vlsuite.shared.engine;

/**
 * How a tool or a test wants the engine set up. Immutable; {@link #defaults()} is what every tool
 * uses when the user passes nothing.
 *
 * @param device "auto" (GPU when DJL finds one, else CPU), "cpu", or "gpu"/"gpu:N"
 * @param threads intra-op threads for PyTorch; 0 keeps the engine default (number of cores)
 * @param seed seed for DJL's engine RNG and every Java-side random source the tool makes
 * @param verbose let DJL's INFO log and native (FFmpeg) logs through
 */
public record EngineOptions(String device, int threads, long seed, boolean verbose) {
    public static final long DEFAULT_SEED = 42L;

    public EngineOptions {
        if (device == null || device.isBlank()) device = "auto";
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
    }

    public static EngineOptions defaults() {
        return new EngineOptions("auto", 0, DEFAULT_SEED, false);
    }

    public EngineOptions withSeed(long newSeed) {
        return new EngineOptions(device, threads, newSeed, verbose);
    }
}
