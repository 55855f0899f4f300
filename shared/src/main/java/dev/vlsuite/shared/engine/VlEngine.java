package dev.vlsuite.shared.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * One place that sets up DJL/PyTorch for vlsuite: offline mode, thread counts, quiet logs,
 * device choice and seeds. Call {@link #configure(EngineOptions)} before the first NDArray is made
 * (thread settings are read by the engine when it starts).
 */
public final class VlEngine {
    private static volatile EngineOptions current = EngineOptions.defaults();
    private static volatile boolean configured;

    private VlEngine() {}

    /** Applies the options and returns the device to run on. Safe to call more than once. */
    public static synchronized Device configure(EngineOptions options) {
        current = options;
        // nothing is ever downloaded at run time: libtorch comes from the pytorch-native jar
        System.setProperty("ai.djl.offline", "true");
        Logging.quiet(!options.verbose());
        if (!configured && options.threads() > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(options.threads()));
            System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(options.threads()));
        }
        configured = true;
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) options.seed());
        return device(options.device());
    }

    /** The options of the last {@link #configure} call (defaults before any). */
    public static EngineOptions options() {
        return current;
    }

    /** Resolves "auto", "cpu", "gpu", "gpu:N" against what the engine actually has. */
    public static Device device(String spec) {
        Engine engine = Engine.getEngine("PyTorch");
        String s = spec == null ? "auto" : spec.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("auto")) return engine.defaultDevice();
        if (s.equals("cpu")) return Device.cpu();
        if (s.startsWith("gpu")) {
            int id = s.contains(":") ? Integer.parseInt(s.substring(s.indexOf(':') + 1)) : 0;
            if (engine.getGpuCount() <= id) {
                throw new IllegalArgumentException("device " + spec + ": no such GPU (DJL sees "
                        + engine.getGpuCount() + "; a CUDA libtorch is needed, see README)");
            }
            return Device.gpu(id);
        }
        throw new IllegalArgumentException("device must be auto, cpu, gpu or gpu:N, got '" + spec + "'");
    }

    /** A java.util.Random derived from the configured seed and a purpose-specific salt. */
    public static java.util.Random random(long salt) {
        return new java.util.Random(current.seed() * 0x9E3779B97F4A7C15L + salt);
    }
}
