package dev.vlsuite.video.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.vlsuite.shared.nn.Embedding;
import dev.vlsuite.shared.nn.TeacherForcing;
import dev.vlsuite.shared.nn.decode.StepModel;
import dev.vlsuite.shared.nn.decode.StepResult;
import dev.vlsuite.shared.nn.decode.TensorState;

/**
 * Mean pool (Venugopalan et al. NAACL 2015), the baseline S2VT is compared with: the mean of the N frame
 * features, projected to the word space, is a Show-and-Tell decoder's input at t = -1; then &lt;start&gt; and the
 * words follow. Frame order is lost, so motion direction is not learnable from it (that is the point of the
 * comparison). Teacher forcing runs the LSTM fused over [image; words].
 */
final class MeanPoolNet extends AbstractBlock implements VideoNet {
    private static final byte VERSION = 1;

    private final VideoConfig config;
    private final Linear videoEmbed;   // F -> E
    private final Embedding embedding; // (V, E)
    private final LSTM lstm;           // E -> H
    private final Linear output;       // H -> V

    MeanPoolNet(VideoConfig config) {
        super(VERSION);
        this.config = config;
        videoEmbed = addChildBlock("video_embed", Linear.builder().setUnits(config.embedSize()).build());
        embedding = addChildBlock("embedding", new Embedding(config.vocabSize(), config.embedSize()));
        lstm = addChildBlock("lstm", S2vtNet.lstm(config.hiddenSize()));
        output = addChildBlock("output", Linear.builder().setUnits(config.vocabSize()).build());
    }

    @Override
    public VideoConfig config() {
        return config;
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... inputShapes) {
        videoEmbed.initialize(m, type, new Shape(1, config.featureSize()));
        embedding.initialize(m, type, new Shape(1));
        lstm.initialize(m, type, new Shape(1, 1, config.embedSize()));
        output.initialize(m, type, new Shape(1, config.hiddenSize()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(loss(ps, inputs.get(0), inputs.get(1), inputs.get(2), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape()};
    }

    @Override
    public NDArray loss(ParameterStore ps, NDArray frames, NDArray tokens, NDArray lengths, boolean training) {
        NDArray inputs = TeacherForcing.inputs(tokens);                                    // (B, T)
        NDArray targets = TeacherForcing.targets(tokens);                                  // (B, T)
        NDArray mask = TeacherForcing.mask(lengths, targets.getShape().get(1));            // (B, T)
        NDArray logProbs = unroll(ps, frames, inputs, training);                           // (B, T, V)
        return TeacherForcing.maskedNll(logProbs, targets, mask).sum().div(mask.sum());
    }

    @Override
    public NDArray teacherForcedLogProbs(ParameterStore ps, NDArray frames, NDArray inputs) {
        return unroll(ps, frames, inputs, false);
    }

    /** frames (B, N, F) -> the video vector in word space (B, 1, E). */
    private NDArray video(ParameterStore ps, NDArray frames, boolean training) {
        Shape s = frames.getShape();
        if (s.dimension() != 3 || s.get(2) != config.featureSize()) {
            throw new IllegalArgumentException("mean-pool needs frame features (B, N, " + config.featureSize() + "), got " + s);
        }
        NDArray mean = frames.mean(new int[] {1});                                         // (B, F)
        NDArray v = videoEmbed.forward(ps, new NDList(mean), training).head();             // (B, E)
        return Dropout.dropout(v, (float) config.dropout(), training).head().expandDims(1); // (B, 1, E)
    }

    private NDArray unroll(ParameterStore ps, NDArray frames, NDArray inputs, boolean training) {
        NDArray words = embedding.embed(ps, inputs, training);                            // (B, T, E)
        NDArray seq = video(ps, frames, training).concat(words, 1);                        // (B, 1+T, E)
        NDArray h = lstm.forward(ps, new NDList(seq), training).head();                    // (B, 1+T, H)
        return logProbs(ps, h.get(":, 1:, :"), training);                                  // (B, T, V)
    }

    private NDArray logProbs(ParameterStore ps, NDArray h, boolean training) {
        NDArray dropped = Dropout.dropout(h, (float) config.dropout(), training).head();
        return output.forward(ps, new NDList(dropped), training).head().logSoftmax(-1);
    }

    /** State {@code (h (R,H), c (R,H))}. */
    @Override
    public StepModel<TensorState> decoder(ParameterStore ps) {
        return new StepModel<>() {
            @Override
            public TensorState start(NDList inputs) {
                NDList read = lstm.forward(ps, new NDList(video(ps, inputs.head(), false)), false);
                return TensorState.of(read.get(1).squeeze(0), read.get(2).squeeze(0));
            }

            @Override
            public StepResult<TensorState> step(TensorState state, NDArray prevTokens) {
                NDArray word = embedding.embed(ps, prevTokens, false).expandDims(1);      // (R, 1, E)
                NDList out = lstm.forward(ps, new NDList(word, state.get(0).expandDims(0), state.get(1).expandDims(0)), false);
                TensorState next = TensorState.of(out.get(1).squeeze(0), out.get(2).squeeze(0));
                return new StepResult<>(logProbs(ps, out.get(0).squeeze(1), false), next, null);
            }
        };
    }
}
