package dev.vlsuite.captioning.model;

import dev.vlsuite.shared.nn.TeacherForcing;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.vlsuite.shared.nn.Embedding;
import dev.vlsuite.shared.nn.LstmCell;
import dev.vlsuite.shared.nn.decode.StepModel;
import dev.vlsuite.shared.nn.decode.StepResult;
import dev.vlsuite.shared.nn.decode.TensorState;
import java.util.ArrayList;
import java.util.List;

/**
 * Show and Tell (Vinyals et al. 2015, as neuraltalk2 runs it): the image vector, projected to the word space,
 * is the LSTM's input at t = -1; then &lt;start&gt; and the words follow; p(y_t) = softmax(W dropout(h_t)).
 * The image vector is the mean of the grid over locations (the pooled vector; a grid of L = 1 is that vector).
 * The loss is the masked cross-entropy per target token.
 */
final class ShowTellNet extends AbstractBlock implements CaptionNet {
    private static final byte VERSION = 1;

    private final CaptionConfig config;
    private final Linear imageEmbed;   // W_I: D -> E
    private final Embedding embedding; // W_e: (V, E)
    private final LstmCell lstm;       // E -> H
    private final Linear output;       // H -> V

    ShowTellNet(CaptionConfig config) {
        super(VERSION);
        this.config = config;
        imageEmbed = addChildBlock("image_embed", Linear.builder().setUnits(config.embedSize()).build());
        embedding = addChildBlock("embedding", new Embedding(config.vocabSize(), config.embedSize()));
        lstm = addChildBlock("lstm", new LstmCell(config.embedSize(), config.hiddenSize()));
        output = addChildBlock("output", Linear.builder().setUnits(config.vocabSize()).build());
    }

    @Override
    public CaptionConfig config() {
        return config;
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... inputShapes) {
        imageEmbed.initialize(m, type, new Shape(1, config.featureSize()));
        embedding.initialize(m, type, new Shape(1));
        lstm.initialize(m, type, new Shape(1, config.embedSize()));
        output.initialize(m, type, new Shape(1, config.hiddenSize()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(loss(ps, new CaptionBatch(inputs.get(0), inputs.get(1), inputs.get(2)), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape()};
    }

    /** The state after the LSTM has read the image: grid (B, L, D) -> (h, c). */
    private NDList readImage(ParameterStore ps, NDArray grid, boolean training) {
        Shape s = grid.getShape();
        if (s.dimension() != 3 || s.get(2) != config.featureSize()) {
            throw new IllegalArgumentException("show-tell model needs features (B, L, " + config.featureSize() + "), got " + s);
        }
        NDArray pooled = grid.mean(new int[] {1});                                         // (B, D)
        NDArray x = imageEmbed.forward(ps, new NDList(pooled), training).head();           // (B, E)
        return lstm.step(ps, x, lstm.zeroState(grid.getManager(), s.get(0)), training);   // 2 x (B, H)
    }

    private NDArray logProbs(ParameterStore ps, NDArray h, boolean training) {
        NDArray dropped = Dropout.dropout(h, config.dropout(), training).head();
        return output.forward(ps, new NDList(dropped), training).head().logSoftmax(-1);    // (..., V)
    }

    @Override
    public NDArray loss(ParameterStore ps, CaptionBatch batch, boolean training) {
        NDArray inputs = TeacherForcing.inputs(batch.tokens());                           // (B, T)
        NDArray targets = TeacherForcing.targets(batch.tokens());                         // (B, T)
        int steps = (int) targets.getShape().get(1);
        NDArray mask = TeacherForcing.mask(batch.lengths(), steps);                       // (B, T)
        NDArray logProbs = unroll(ps, batch.grid(), inputs, training);                     // (B, T, V)
        return TeacherForcing.maskedNll(logProbs, targets, mask).sum().div(mask.sum());
    }

    @Override
    public NDArray teacherForcedLogProbs(ParameterStore ps, NDArray grid, NDArray inputs) {
        return unroll(ps, grid, inputs, false);
    }

    /** The LSTM over the fed tokens after reading the image: inputs (B, T) -> log p (B, T, V). */
    private NDArray unroll(ParameterStore ps, NDArray grid, NDArray inputs, boolean training) {
        int steps = (int) inputs.getShape().get(1);
        NDArray words = embedding.embed(ps, inputs, training);                            // (B, T, E)
        NDList state = readImage(ps, grid, training);
        List<NDArray> hs = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            state = lstm.step(ps, words.get(":, {}, :", t), state, training);             // (B, E) -> 2 x (B, H)
            hs.add(state.get(0));
        }
        return logProbs(ps, NDArrays.stack(new NDList(hs), 1), training);                 // (B, T, V)
    }

    /** State {@code (h, c)}; no attention. */
    @Override
    public StepModel<TensorState> decoder(ParameterStore ps) {
        return new StepModel<>() {
            @Override
            public TensorState start(NDList inputs) {
                return new TensorState(readImage(ps, inputs.head(), false));
            }

            @Override
            public StepResult<TensorState> step(TensorState state, NDArray prevTokens) {
                NDArray word = embedding.embed(ps, prevTokens, false);                     // (R, E)
                NDList next = lstm.step(ps, word, state.tensors(), false);                // 2 x (R, H)
                return new StepResult<>(logProbs(ps, next.get(0), false), new TensorState(next), null);
            }
        };
    }
}
