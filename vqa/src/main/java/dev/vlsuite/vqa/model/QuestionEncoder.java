package dev.vlsuite.vqa.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.vlsuite.shared.nn.Embedding;

/**
 * The question side of both models (VQA_LSTM_CNN's): word ids -> embedding -> tanh -> dropout -> a stacked LSTM
 * over the whole question. Questions are right-aligned (padding first, as VQA_LSTM_CNN's prepro does), so the
 * last time step is every question's last word and the final state needs no gather by length. Nothing attends
 * inside the question, so DJL's fused LSTM runs all steps at once (DJL-NOTES 1.2 (c)).
 */
final class QuestionEncoder extends AbstractBlock {
    private static final byte VERSION = 1;

    /** The final states of every layer: h, c (layers, B, H). */
    record Encoded(NDArray h, NDArray c) {
        /** The top layer's last h, (B, H): SAN's question vector u_0. */
        NDArray top() {
            long layers = h.getShape().get(0);
            return h.get(layers - 1);
        }

        /** [h_1, c_1, ..., h_n, c_n], (B, 2 n H): VQA_LSTM_CNN's question embedding. */
        NDArray all() {
            long layers = h.getShape().get(0);
            NDList parts = new NDList();
            for (long l = 0; l < layers; l++) {
                parts.add(h.get(l));
                parts.add(c.get(l));
            }
            return NDArrays.concat(parts, 1);
        }
    }

    private final VqaConfig config;
    private final Embedding embedding;
    private final LSTM lstm;

    QuestionEncoder(VqaConfig config) {
        super(VERSION);
        this.config = config;
        embedding = addChildBlock("embedding", new Embedding(config.questionVocab(), config.embed()));
        lstm = addChildBlock("lstm", LSTM.builder().setStateSize(config.hidden()).setNumLayers(config.layers())
                .optBatchFirst(true).optReturnState(true).build());
    }

    /** questions (B, T) right-aligned ids -> final states. */
    Encoded encode(ParameterStore ps, NDArray questions, boolean training) {
        NDArray x = embedding.embed(ps, questions, training).tanh();                      // (B, T, E)
        x = Dropout.dropout(x, config.dropout(), training).head();
        NDList out = lstm.forward(ps, new NDList(x), training);                            // out (B,T,H), h, c (n,B,H)
        return new Encoded(out.get(1), out.get(2));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        Encoded e = encode(ps, inputs.head(), training);
        return new NDList(e.h(), e.c());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = new Shape(config.layers(), inputShapes[0].get(0), config.hidden());
        return new Shape[] {s, s};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... inputShapes) {
        embedding.initialize(m, type, new Shape(1, 1));
        lstm.initialize(m, type, new Shape(1, 1, config.embed()));
    }
}
