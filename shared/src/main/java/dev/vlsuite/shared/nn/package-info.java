/**
 * Recurrent building blocks shared by every task: step-wise cells ({@link dev.vlsuite.shared.nn.RnnCell},
 * {@link dev.vlsuite.shared.nn.LstmCell}, {@link dev.vlsuite.shared.nn.GruCell}, {@link dev.vlsuite.shared.nn.StackedCell},
 * all {@link dev.vlsuite.shared.nn.RecurrentCell}), {@link dev.vlsuite.shared.nn.Embedding},
 * {@link dev.vlsuite.shared.nn.SoftAttention}, {@link dev.vlsuite.shared.nn.HardAttention} with
 * {@link dev.vlsuite.shared.nn.Reinforce} (global-norm clipping lives in {@link dev.vlsuite.shared.train.GradientClipping}).
 *
 * <p>A decoder loop owns the state: {@code state = cell.step(ps, x, state, training)}, with
 * {@code cell.zeroState(manager, B)} at t = 0 and {@code cell.output(state)} as h. Keep data first in binary ops
 * and create per-batch arrays in a sub-manager (DJL-NOTES 1.4). Decoding lives in {@code nn.decode}.
 */
package dev.vlsuite.shared.nn;
