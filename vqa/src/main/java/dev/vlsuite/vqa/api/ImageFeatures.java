package dev.vlsuite.vqa.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.shared.vision.FeatureExtractor;
import dev.vlsuite.shared.vision.Features;
import dev.vlsuite.vqa.model.VqaConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The image input a VQA model reads, as (B, L, D): the conv grid for san, else one vector (L = 1): fc7 when the
 * backbone has it (VGG-16, as VQA_LSTM_CNN), else the pooled grid (the small CPU backbones).
 */
public final class ImageFeatures {
    public static final String GRID = "grid";
    public static final String FC7 = "fc7";
    public static final String POOLED = "pooled";

    private ImageFeatures() {}

    /** Which backbone output a model of this arch reads from {@code fx}. */
    public static String kindFor(boolean attends, FeatureExtractor fx) {
        if (attends) return GRID;
        return fx.fc7Size() > 0 ? FC7 : POOLED;
    }

    /** D of that output. */
    public static int sizeOf(String kind, FeatureExtractor fx) {
        return FC7.equals(kind) ? fx.fc7Size() : fx.channels();
    }

    /** From a backbone's output of B images: (B, L, D). */
    public static NDArray of(Features f, VqaConfig c) {
        return switch (c.imageFeature()) {
            case GRID -> f.grid();                                   // (B, L, D)
            case FC7 -> f.fc7().expandDims(1);                       // (B, 1, F)
            default -> f.pooled().expandDims(1);                     // (B, 1, D)
        };
    }

    /** From the feature cache (every image cached): (B, L, D) in {@code manager}. */
    public static NDArray cached(FeatureCache cache, List<Path> images, VqaConfig c, NDManager manager) {
        if (GRID.equals(c.imageFeature())) return cache.grids(images, manager);              // (B, L, D)
        int d = c.featureSize();
        float[] all = new float[images.size() * d];
        for (int i = 0; i < images.size(); i++) {
            try (NDArray v = FC7.equals(c.imageFeature()) ? cache.fc7(images.get(i), manager) : cache.pooled(images.get(i), manager)) {
                System.arraycopy(v.toFloatArray(), 0, all, i * d, d);
            }
        }
        return manager.create(all, new Shape(images.size(), 1, d));                           // (B, 1, D)
    }
}
