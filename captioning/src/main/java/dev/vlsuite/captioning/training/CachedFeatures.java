package dev.vlsuite.captioning.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.shared.vision.FeatureCache;
import java.nio.file.Path;
import java.util.List;

/** What a caption decoder reads from the feature cache: the grid (B, L, D), or the pooled vector (B, 1, D) for show-tell. */
final class CachedFeatures {
    private CachedFeatures() {}

    static NDArray batch(FeatureCache cache, CaptionConfig config, List<Path> images, NDManager scope) {
        if (config.arch().attends()) return cache.grids(images, scope);                  // (B, L, D)
        NDList pooled = new NDList(images.size());
        for (Path p : images) pooled.add(cache.pooled(p, scope));                        // (D)
        return NDArrays.stack(pooled).expandDims(1);                                     // (B, 1, D)
    }
}
