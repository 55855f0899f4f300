package dev.vlsuite.video.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * What making S2VT's benchmark input costs per step: 32x80x4096 floats from java.util.Random (what
 * {@link S2vtTrainingBenchmark} used to do), from SplittableRandom (what it does now), copying them into an NDArray,
 * and libtorch's own uniform sampling (as PyTorch's torch.rand). Best of 5 after 2 warm-up rounds. A main, not a test:
 * <pre>
 *   java -cp video/target/test-classes:video/target/classes:$(cat video/target/classpath.txt) dev.vlsuite.video.bench.InputFillBenchmark
 * </pre>
 */
public final class InputFillBenchmark {
    public static void main(String[] args) {
        Shape shape = new Shape(32, 80, 4096);
        int n = (int) shape.size();
        float[] f = new float[n];
        long bj = Long.MAX_VALUE, bs = Long.MAX_VALUE, bc = Long.MAX_VALUE, bd = Long.MAX_VALUE;
        try (NDManager m = NDManager.newBaseManager()) {
            for (int k = 0; k < 7; k++) {
                long t0 = System.nanoTime();
                Random r = new Random(k);
                for (int i = 0; i < n; i++) f[i] = r.nextFloat();
                long t1 = System.nanoTime();
                SplittableRandom s = new SplittableRandom(k);
                for (int i = 0; i < n; i++) f[i] = (float) s.nextDouble();
                long t2 = System.nanoTime();
                try (NDManager scope = m.newSubManager()) {
                    NDArray x = scope.create(f, shape);
                    long t3 = System.nanoTime();
                    NDArray y = scope.randomUniform(0, 1, shape);
                    y.getFloat(0, 0, 0);
                    long t4 = System.nanoTime();
                    if (k > 1) {
                        bj = Math.min(bj, t1 - t0);
                        bs = Math.min(bs, t2 - t1);
                        bc = Math.min(bc, t3 - t2);
                        bd = Math.min(bd, t4 - t3);
                    }
                    x.close();
                }
            }
        }
        System.out.printf("%d floats, best of 5: java.util.Random fill %.0f ms, SplittableRandom fill %.0f ms,"
                + " NDManager.create copy %.0f ms, libtorch randomUniform %.0f ms%n", n, bj / 1e6, bs / 1e6, bc / 1e6, bd / 1e6);
    }
}
