package dev.vlsuite.shared.vision;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Throughput probe (not a test): images/s of a backbone's extract() at a batch size.
 * Usage: java -cp ... dev.vlsuite.shared.vision.BackboneBench SPEC BATCH ITERATIONS
 */
public final class BackboneBench {
    public static void main(String[] args) throws Exception {
        String spec = args.length > 0 ? args[0] : "vgg-small";
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int iters = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        long t0 = System.nanoTime();
        try (FeatureExtractor fx = Backbones.open(spec, Device.cpu()); NDManager m = NDManager.newBaseManager()) {
            System.out.printf("%s open: %.1f s%n", fx.id(), (System.nanoTime() - t0) / 1e9);
            var x = m.randomNormal(new Shape(batch, 3, fx.inputSize(), fx.inputSize()));
            fx.extract(x).close();                                           // warm-up
            double[] perImage = new double[iters];
            for (int i = 0; i < iters; i++) {
                long t = System.nanoTime();
                try (Features f = fx.extract(x)) {
                    f.grid().toFloatArray();                                 // force completion
                }
                perImage[i] = (System.nanoTime() - t) / 1e6 / batch;
            }
            Arrays.sort(perImage);
            double median = perImage[iters / 2];
            System.out.printf("%s batch %d: median %.1f ms/image = %.1f images/s (min %.1f, max %.1f ms/image, %d runs)%n",
                    spec, batch, median, 1000 / median, perImage[0], perImage[iters - 1], iters);
        }
    }
}
