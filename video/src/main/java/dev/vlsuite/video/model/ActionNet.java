package dev.vlsuite.video.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Action recognition over per-frame features (B, N, F) -> class log-probabilities (B, C), many-to-one:
 * <ul>
 *   <li>{@code lstm}: h_N of an LSTM over the frames -> dropout -> Linear -> log-softmax;</li>
 *   <li>{@code frame-mean}: the LSTM's h_t scores the class at every frame t; trained on every frame's prediction,
 *       and the prediction is the mean of the per-frame probabilities (LRCN's "average over time");</li>
 *   <li>{@code single-frame}: the middle frame -> Linear(H) -> ReLU -> dropout -> Linear(C) (the baseline).</li>
 * </ul>
 * The LSTM runs fused over the whole sequence (DJL-NOTES 1.2 (c)): no step depends on an output.
 */
public final class ActionNet extends AbstractBlock {
    private static final byte VERSION = 1;

    private final ActionConfig config;
    private final LSTM lstm;        // F -> H (lstm, frame-mean)
    private final Linear hidden;    // F -> H (single-frame)
    private final Linear output;    // H -> C

    public ActionNet(ActionConfig config) {
        super(VERSION);
        this.config = config;
        boolean recurrent = config.arch() != ActionArch.SINGLE_FRAME;
        lstm = recurrent ? addChildBlock("lstm", LSTM.builder().setStateSize(config.hiddenSize()).setNumLayers(1)
                .optBatchFirst(true).optReturnState(true).build()) : null;
        hidden = recurrent ? null : addChildBlock("hidden", Linear.builder().setUnits(config.hiddenSize()).build());
        output = addChildBlock("output", Linear.builder().setUnits(config.classes()).build());
    }

    public ActionConfig config() {
        return config;
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... inputShapes) {
        if (lstm != null) lstm.initialize(m, type, new Shape(1, 1, config.featureSize()));
        if (hidden != null) hidden.initialize(m, type, new Shape(1, config.featureSize()));
        output.initialize(m, type, new Shape(1, config.hiddenSize()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(logProbs(ps, inputs.get(0), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.classes())};
    }

    /** frames (B, N, F) -> class log-probabilities (B, C). */
    public NDArray logProbs(ParameterStore ps, NDArray frames, boolean training) {
        checkFrames(frames);
        return switch (config.arch()) {
            case LSTM -> scores(ps, lastState(ps, frames, training), training).logSoftmax(-1);
            case FRAME_MEAN -> scores(ps, states(ps, frames, training), training).softmax(-1).mean(new int[] {1}).log(); // (B, C)
            case SINGLE_FRAME -> scores(ps, middleFrame(ps, frames, training), training).logSoftmax(-1);
        };
    }

    /**
     * Mean negative log-likelihood of {@code labels} (B, int64). frame-mean is trained on every frame's
     * prediction (as LRCN), the others on the clip's.
     */
    public NDArray loss(ParameterStore ps, NDArray frames, NDArray labels, boolean training) {
        checkFrames(frames);
        if (config.arch() == ActionArch.FRAME_MEAN) {
            long n = frames.getShape().get(1);
            NDArray logp = scores(ps, states(ps, frames, training), training).logSoftmax(-1);   // (B, N, C)
            NDArray target = labels.expandDims(1).repeat(1, n).expandDims(-1);                 // (B, N, 1)
            return logp.gather(target, 2).neg().mean();
        }
        NDArray logp = logProbs(ps, frames, training);                                          // (B, C)
        return logp.gather(labels.expandDims(-1), 1).neg().mean();
    }

    private NDArray states(ParameterStore ps, NDArray frames, boolean training) {
        return lstm.forward(ps, new NDList(frames), training).head();                           // (B, N, H)
    }

    private NDArray lastState(ParameterStore ps, NDArray frames, boolean training) {
        NDList out = lstm.forward(ps, new NDList(frames), training);                            // out, h (1, B, H), c
        return out.get(1).squeeze(0);                                                           // (B, H)
    }

    private NDArray middleFrame(ParameterStore ps, NDArray frames, boolean training) {
        long n = frames.getShape().get(1);
        NDArray mid = frames.get(":, {}, :", n / 2);                                            // (B, F)
        return Activation.relu(hidden.forward(ps, new NDList(mid), training).head());           // (B, H)
    }

    private NDArray scores(ParameterStore ps, NDArray h, boolean training) {
        NDArray dropped = Dropout.dropout(h, (float) config.dropout(), training).head();
        return output.forward(ps, new NDList(dropped), training).head();                        // (B, [N,] C)
    }

    private void checkFrames(NDArray frames) {
        Shape s = frames.getShape();
        if (s.dimension() != 3 || s.get(2) != config.featureSize()) {
            throw new IllegalArgumentException("frames must be (B, N, " + config.featureSize() + "), got " + s);
        }
    }
}
