package dev.vlsuite.captioning.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.vlsuite.captioning.model.Arch;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.captioning.model.CaptionNet;
import dev.vlsuite.captioning.model.CaptionNets;
import dev.vlsuite.shared.engine.EngineOptions;
import dev.vlsuite.shared.engine.VlEngine;
import dev.vlsuite.shared.nn.decode.DecodeOptions;
import dev.vlsuite.shared.nn.decode.Decoding;
import dev.vlsuite.shared.nn.decode.Hypothesis;
import dev.vlsuite.shared.nn.decode.StepModel;
import java.util.Arrays;
import java.util.List;

/**
 * Decoding speed at issue 4's shapes, the counterpart of {@code bench/pytorch_reference.py decode} and {@code beam}:
 * a fresh (untrained) model, B 32, L 196, D 512, E = H = A = 512, V 10k, 20 steps through nn.decode.Decoding.greedy
 * (the path {@code caption run --beam 1} takes) or Decoding.beam with K = 3 and no length penalty ({@code --beam 3}).
 * The end token is never forced, so an untrained model runs all 20 steps for (almost) every row, as the reference
 * does. A main, not a test:
 * <pre>
 *   java -cp ... dev.vlsuite.captioning.bench.CaptionDecodeBenchmark [iterations [threads [arch [beam]]]]
 * </pre>
 * beam 1 (default) is greedy. Prints the median over the iterations after 3 warm-up decodes, the range, and the
 * steps actually run.
 */
public final class CaptionDecodeBenchmark {
    static final int B = 32, L = 196, D = 512, V = 10_000, T = 20, WARM_UP = 3;

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Arch arch = args.length > 2 ? Arch.parse(args[2]) : Arch.SOFT;
        int beam = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        VlEngine.configure(new EngineOptions("cpu", threads, 1, false));
        CaptionConfig config = CaptionConfig.defaults(arch, V, D, L, "vgg16", 224).withMaxLength(T);
        try (NDManager manager = NDManager.newBaseManager()) {
            CaptionNet net = CaptionNets.createInitialized(config, manager);
            StepModel<?> model = net.decoder(new ParameterStore(manager, false));
            DecodeOptions options = new DecodeOptions(1, 2, T);
            double[] seconds = new double[iterations];
            double[] cpu = new double[iterations]; // process CPU time: less sensitive to other load than wall time
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            int steps = 0;
            for (int i = -WARM_UP; i < iterations; i++) {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray grid = scope.randomUniform(0f, 1f, new Shape(B, L, D));   // (B, L, D)
                    long t0 = System.nanoTime(), c0 = os.getProcessCpuTime();
                    List<List<Hypothesis>> out = decode(model, grid, options, beam);
                    if (i >= 0) {
                        seconds[i] = (System.nanoTime() - t0) / 1e9;
                        cpu[i] = (os.getProcessCpuTime() - c0) / 1e9;
                        steps = Math.max(steps, out.stream().mapToInt(h -> h.get(0).tokens().length).max().orElse(0));
                    }
                }
            }
            Arrays.sort(seconds);
            Arrays.sort(cpu);
            double median = seconds[iterations / 2];
            System.out.printf("java %s %s decode batch %d, up to %d steps (longest run %d): %.0f ms (%.0f images/s), "
                            + "median of %d (%.0f-%.0f ms), CPU %.0f ms, threads=%s%n", arch, beam == 1 ? "greedy" : "beam " + beam, B, T,
                    steps, median * 1000, B / median, iterations, seconds[0] * 1000, seconds[iterations - 1] * 1000,
                    cpu[iterations / 2] * 1000, threads == 0 ? "default" : threads);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<List<Hypothesis>> decode(StepModel model, NDArray grid, DecodeOptions options, int beam) {
        // length penalty 0: what caption run uses
        return beam == 1 ? Decoding.greedy(model, new NDList(grid), options) : Decoding.beam(model, new NDList(grid), options, beam, 0f);
    }
}
