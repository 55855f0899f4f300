package dev.vlsuite.shared.nn.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A decoder seen one token at a time: what every task's decoder implements so that {@link Decoding}
 * can run greedy, sampling and beam search over it.
 *
 * <p>Inference only: implementations use a {@code ParameterStore} with {@code training=false}. Arrays they
 * create should be derived from the inputs, the state or {@code prevTokens} (or made with their manager),
 * so that they land in the per-call scope that {@link Decoding} closes (DJL-NOTES 1.4).
 *
 * @param <S> the state type
 */
public interface StepModel<S extends DecoderState<S>> {

    /** Encodes B inputs (e.g. features (B, L, D)) into a state with B rows. */
    S start(NDList inputs);

    /**
     * One step for every row.
     *
     * @param state      R rows
     * @param prevTokens INT64 (R): the start token at the first step, then the previously chosen token
     * @return log-probabilities (R, V) of the next token, the next state (R rows), optional attention (R, L)
     */
    StepResult<S> step(S state, NDArray prevTokens);
}
