package dev.vlsuite.video.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.nn.decode.StepModel;

/**
 * A video caption model: a DJL {@link Block} that knows tensors, not files or flags.
 * Frame features come in as (B, N, F); token rows as {@code <start> w1 .. wn <end> <pad>..}.
 */
public interface VideoNet extends Block {

    VideoConfig config();

    /** Mean masked cross-entropy per target token of one batch (differentiable when training). */
    NDArray loss(ParameterStore ps, NDArray frames, NDArray tokens, NDArray lengths, boolean training);

    /**
     * log p(y_t | y_&lt;t, video) at every step of given token rows, teacher forced, without dropout: what
     * {@link #decoder} computes one step at a time.
     *
     * @param frames (B, N, F)
     * @param inputs (B, T) the fed tokens &lt;start&gt; w1 .. w(T-1)
     * @return (B, T, V)
     */
    NDArray teacherForcedLogProbs(ParameterStore ps, NDArray frames, NDArray inputs);

    /** The step-wise decoder for shared.nn.decode: {@code start(new NDList(frames))} with frames (B, N, F). */
    StepModel<?> decoder(ParameterStore ps);
}
