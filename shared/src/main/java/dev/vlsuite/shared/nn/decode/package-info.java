/**
 * One decoding API for every task. A task's decoder implements {@link dev.vlsuite.shared.nn.decode.StepModel}
 * (start: inputs -> state; step: state + previous tokens -> log-probs, next state, optional attention) with a
 * {@link dev.vlsuite.shared.nn.decode.DecoderState} (usually {@link dev.vlsuite.shared.nn.decode.TensorState});
 * {@link dev.vlsuite.shared.nn.decode.Decoding} runs greedy, sampling and batched beam search over it and returns
 * {@link dev.vlsuite.shared.nn.decode.Hypothesis} lists, best first; {@link dev.vlsuite.shared.nn.decode.TextDecoding}
 * is the one routine that turns a batch into words and text (run, evaluation, validation, fine-tuning).
 */
package dev.vlsuite.shared.nn.decode;
