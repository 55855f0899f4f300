package dev.vlsuite.shared.nn.decode;

import ai.djl.ndarray.NDArray;

/**
 * What {@link StepModel#step} returns.
 *
 * @param logProbs  (R, V) log-probabilities of the next token (log-softmax of the logits)
 * @param state     the state after this step, R rows
 * @param attention (R, L) attention weights used at this step, or null
 */
public record StepResult<S extends DecoderState<S>>(NDArray logProbs, S state, NDArray attention) {
    public StepResult {
        if (logProbs == null || state == null) {
            throw new IllegalArgumentException("a step must return logProbs and a state");
        }
    }
}
