/**
 * One decoding API for every task. A task's decoder implements {@link dev.vlsuite.shared.nn.decode.StepModel}
 * (start: inputs -> state; step: state + previous tokens -> log-probs, next state, optional attention) with a
 * {@link dev.vlsuite.shared.nn.decode.DecoderState} (usually {@link dev.vlsuite.shared.nn.decode.TensorState});
 * {@link dev.vlsuite.shared.nn.decode.Decoding} runs greedy, sampling and batched beam search over it and returns
 * {@link dev.vlsuite.shared.nn.decode.Hypothesis} lists, best first.
 */
package dev.vlsuite.shared.nn.decode;
