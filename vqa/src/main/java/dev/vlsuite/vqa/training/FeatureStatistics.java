package dev.vlsuite.vqa.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.vqa.api.ImageFeatures;
import dev.vlsuite.vqa.model.VqaConfig;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** Per-channel mean and standard deviation of the cached features a model reads, over the training images (and, for the grid, all locations). */
record FeatureStatistics(float[] mean, float[] std) {
    static FeatureStatistics of(FeatureCache cache, Collection<Path> images, VqaConfig c) {
        int d = c.featureSize();
        double[] sum = new double[d];
        double[] sq = new double[d];
        long n = 0;
        try (NDManager m = NDManager.newBaseManager()) {
            for (Path image : images) {
                float[] v;
                try (NDManager scope = m.newSubManager()) {
                    NDArray f = ImageFeatures.cached(cache, List.of(image), c, scope);   // (1, L, D)
                    v = f.toFloatArray();
                }
                for (int i = 0; i < v.length; i++) {
                    sum[i % d] += v[i];
                    sq[i % d] += (double) v[i] * v[i];
                }
                n += v.length / d;
            }
        }
        float[] mean = new float[d];
        float[] std = new float[d];
        for (int j = 0; j < d; j++) {
            double mu = sum[j] / Math.max(1, n);
            mean[j] = (float) mu;
            std[j] = (float) Math.sqrt(Math.max(0, sq[j] / Math.max(1, n) - mu * mu));
        }
        return new FeatureStatistics(mean, std);
    }
}
