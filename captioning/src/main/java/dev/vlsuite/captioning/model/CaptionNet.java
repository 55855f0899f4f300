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
     * The step-wise decoder for nn.decode.Decoding: {@code start(new NDList(grid))} with grid (B, L, D);
     * steps return log-probabilities (R, V) and, for attention archs, alpha (R, L).
     */
    StepModel<?> decoder(ParameterStore ps);
}
