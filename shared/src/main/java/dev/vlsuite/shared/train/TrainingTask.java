package dev.vlsuite.shared.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;

/**
 * What a task (captioning, video, VQA, dialog, navigation) gives the one training loop. The task owns the model
 * and the data; the loop owns the optimizer, schedule, clipping, validation, checkpoints and logs.
 *
 * @param <B> one batch, as the task likes it (Java objects or arrays; NDArrays must be made in the loss' scope)
 */
public interface TrainingTask<B> {
    /** The task name written into bundles ("captioning", "video", ...). */
    String name();

    /** The model. The loop initializes it with {@link #inputShapes()} (or loads a checkpoint into it). */
    Block block();

    /** One shape per model input, for initialization. */
    Shape[] inputShapes();

    /**
     * The batches of one epoch. The order must be a pure function of {@code rng} (seeded from (seed, epoch) by the
     * loop), so that a resumed run sees the same batches; an iterator may be lazy.
     */
    Iterator<B> batches(int epoch, Random rng);

    /**
     * The scalar loss of one batch. Create or attach every array of the batch to {@code scope} (closed after the
     * step) and keep data first in binary ops, so nothing lands in the model's manager.
     *
     * @param training true inside the gradient collector (dropout on)
     */
    NDArray loss(ParameterStore ps, NDManager scope, B batch, boolean training);

    /** Validation metrics (any names); empty when the task has none. Called with gradients off. */
    Map<String, Double> validate(ParameterStore ps);

    /** The architecture config record saved in bundles (serialized with Json.MAPPER); null for none. */
    default Object architectureConfig() {
        return null;
    }

    /** The vocabulary (or vocabularies, as named fields) saved in bundles; null for none. */
    default JsonNode vocabulary() {
        return null;
    }

    /** Factor on the learning rate of one parameter (by its name in {@link #block()}); 1 for all by default. */
    default double lrScale(String parameterName) {
        return 1.0;
    }

    /** Batches per epoch when known (-1 otherwise); lets cosine schedules and the progress bar know the length. */
    default long batchesPerEpoch() {
        return -1;
    }
}
