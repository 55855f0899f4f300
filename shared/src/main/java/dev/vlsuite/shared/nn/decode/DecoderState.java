package dev.vlsuite.shared.nn.decode;

import ai.djl.ndarray.NDArray;

/**
 * Whatever a {@link StepModel} carries from one step to the next (h, c, features, projected features,
 * masks...), one row per hypothesis. {@link TensorState} covers the common case of tensors whose first
 * axis is the row.
 *
 * @param <S> the implementing type, so that {@code select} returns it
 */
public interface DecoderState<S extends DecoderState<S>> {

    /**
     * The state whose row {@code r} is this state's row {@code rows[r]}: beam search uses it to expand
     * inputs to B*K rows and to reorder rows after each step; greedy decoding uses it to drop finished rows.
     *
     * @param rows INT64 (R'), values in [0, current rows)
     */
    S select(NDArray rows);
}
