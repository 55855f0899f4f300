package dev.vlsuite.shared.vision;

import ai.djl.ndarray.NDArray;
import dev.vlsuite.shared.image.Preprocess;

/**
 * A frozen CNN that turns preprocessed images into a spatial feature grid (for attention) and a
 * pooled vector. Implementations: {@link NativeVgg} (DJL blocks; random seeded, .params or copied
 * TorchScript weights) and {@link TorchScriptExtractor}. Open them with {@link Backbones#open}.
 */
public interface FeatureExtractor extends AutoCloseable {

    /** Backbone name, input size and a weights fingerprint; two extractors with equal ids give equal features. */
    String id();

    /** Square input side S the extractor expects: batches are (N, 3, S, S). */
    int inputSize();

    /** Side of the feature grid: L = gridSide()^2 locations. */
    int gridSide();

    /** D, features per location (and size of the pooled vector). */
    int channels();

    /** Size of the fc7 vector, or 0 when this backbone has none. */
    default int fc7Size() {
        return 0;
    }

    /** How images must be prepared for this backbone. */
    default Preprocess preprocess() {
        return Preprocess.imagenet(inputSize());
    }

    /** Runs the CNN on a (N, 3, S, S) float32 batch; results are attached to the batch's manager. */
    Features extract(NDArray batch);

    @Override
    void close();
}
