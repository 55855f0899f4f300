package dev.vlsuite.shared.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * The machine's practical float32 limit as vlsuite's engine sees it: a large square matmul (N x N times N x N,
 * 2 N^3 FLOP), the counterpart of {@code bench/pytorch_reference.py matmul}. BENCHMARKS.md divides each
 * benchmark's FLOP count by its time and by this rate. A main, not a test:
 * <pre>
 *   java -cp ... dev.vlsuite.shared.engine.MatmulBenchmark [iterations [threads [n]]]
 * </pre>
 */
public final class MatmulBenchmark {
    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 2048;
        VlEngine.configure(new EngineOptions("cpu", threads, 1, false));
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.randomNormal(new Shape(n, n)), b = m.randomNormal(new Shape(n, n));
            double[] wall = new double[iterations], cpu = new double[iterations];
            for (int i = -2; i < iterations; i++) {
                long t0 = System.nanoTime(), c0 = os.getProcessCpuTime();
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0); // the engine is eager on CPU; the read only makes sure
                }
                if (i >= 0) {
                    wall[i] = (System.nanoTime() - t0) / 1e9;
                    cpu[i] = (os.getProcessCpuTime() - c0) / 1e9;
                }
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            double flop = 2.0 * n * n * n, median = wall[iterations / 2];
            System.out.printf("java matmul %dx%d float32: %.0f GFLOP/s, CPU %.0f GFLOP/s per CPU-second "
                            + "(median of %d, %.1f ms, range %.1f-%.1f ms), threads=%s%n", n, n, flop / median / 1e9,
                    flop / cpu[iterations / 2] / 1e9, iterations, median * 1000, wall[0] * 1000, wall[iterations - 1] * 1000,
                    threads == 0 ? "default" : threads);
        }
    }
}
