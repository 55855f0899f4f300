package dev.vlsuite.captioning.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.nn.decode.StepModel;

/**
 * A caption decoder: a DJL {@link Block} (its parameters go into the model bundle) that knows tensors,
 * not files or flags. The three archs ({@link Arch}) implement it.
 */
public interface CaptionNet extends Block {

    CaptionConfig config();

    /**
     * Teacher-forced training objective for one batch: mean masked cross-entropy plus the arch's
     * regularisers (doubly stochastic attention; REINFORCE surrogate and entropy for hard attention).
     *
     * @return scalar loss, differentiable inside a GradientCollector when training is true
     */
    NDArray loss(ParameterStore ps, CaptionBatch batch, boolean training);

    /**
     * log p(y_t | y_&lt;t, image) at every step of given token rows, teacher forced, as the step-wise
     * {@link #decoder} computes them one step at a time (no dropout; hard attention with its decoding glimpse):
     * scoring given captions, and the check that training and decoding run the same network.
     *
     * @param grid   (B, L, D) features as {@link #decoder} takes them
     * @param inputs (B, T) the fed tokens &lt;start&gt; w1 .. w(T-1)
     * @return (B, T, V) log-probabilities of the next token
     */
    NDArray teacherForcedLogProbs(ParameterStore ps, NDArray grid, NDArray inputs);

    /**
     * The step-wise decoder for nn.decode.Decoding: {@code start(new NDList(grid))} with grid (B, L, D);
     * steps return log-probabilities (R, V) and, for attention archs, alpha (R, L).
     */
    StepModel<?> decoder(ParameterStore ps);
}
