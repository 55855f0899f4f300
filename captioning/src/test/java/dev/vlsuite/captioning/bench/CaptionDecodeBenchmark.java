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
 * Greedy decoding speed at issue 4's shapes, the counterpart of {@code bench/pytorch_reference.py decode}: a fresh
 * (untrained) soft model, B 32, L 196, D 512, E = H = A = 512, V 10k, 20 steps through nn.decode.Decoding.greedy
 * (the path {@code caption run --beam 1} takes). The end token is never forced, so an untrained model runs all 20
 * steps for (almost) every row, as the reference does. A main, not a test:
 * <pre>
 *   java -cp ... dev.vlsuite.captioning.bench.CaptionDecodeBenchmark [iterations [threads [arch]]]
 * </pre>
 * Prints the median over the iterations after 3 warm-up decodes, and the steps actually run.
 */
public final class CaptionDecodeBenchmark {
    static final int B = 32, L = 196, D = 512, V = 10_000, T = 20, WARM_UP = 3;

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Arch arch = args.length > 2 ? Arch.parse(args[2]) : Arch.SOFT;
        VlEngine.configure(new EngineOptions("cpu", threads, 1, false));
        CaptionConfig config = CaptionConfig.defaults(arch, V, D, L, "vgg16", 224).withMaxLength(T);
        try (NDManager manager = NDManager.newBaseManager()) {
            CaptionNet net = CaptionNets.createInitialized(config, manager);
            StepModel<?> model = net.decoder(new ParameterStore(manager, false));
            DecodeOptions options = new DecodeOptions(1, 2, T);
            double[] seconds = new double[iterations];
            int steps = 0;
            for (int i = -WARM_UP; i < iterations; i++) {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray grid = scope.randomUniform(0f, 1f, new Shape(B, L, D));   // (B, L, D)
                    long t0 = System.nanoTime();
                    List<List<Hypothesis>> out = greedy(model, grid, options);
                    if (i >= 0) {
                        seconds[i] = (System.nanoTime() - t0) / 1e9;
                        steps = Math.max(steps, out.stream().mapToInt(h -> h.get(0).tokens().length).max().orElse(0));
                    }
                }
            }
            Arrays.sort(seconds);
            double median = seconds[iterations / 2];
            System.out.printf("java %s greedy decode batch %d, up to %d steps (longest run %d): %.0f ms (%.0f images/s), "
                            + "median of %d, threads=%s%n", arch, B, T, steps, median * 1000, B / median, iterations,
                    threads == 0 ? "default" : threads);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<List<Hypothesis>> greedy(StepModel model, NDArray grid, DecodeOptions options) {
        return Decoding.greedy(model, new NDList(grid), options);
    }
}
