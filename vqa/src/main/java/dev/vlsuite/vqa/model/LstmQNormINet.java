package dev.vlsuite.vqa.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * "Deeper LSTM Q + norm I" (Antol et al. 2015; GT-Vision-Lab/VQA_LSTM_CNN):
 * <pre>
 *   q   = [h_1, c_1, h_2, c_2] of the 2-layer question LSTM            (B, 4H)
 *   f_q = tanh(W_q dropout(q) + b_q)                                      (B, C)
 *   f_i = tanh(W_i dropout(x / ||x||_2) + b_i)   x: fc7 or pooled vector, standardised per channel   (B, C)
 *   z   = tanh(W_m dropout(f_q * f_i) + b_m)                              (B, M)
 *   p   = softmax(W_o dropout(z) + b_o)                                   (B, A)
 * </pre>
 */
final class LstmQNormINet extends VqaNet {
    private static final byte VERSION = 1;
    private static final float EPS = 1e-8f;

    private final FeatureStandardiser standardiser;
    private final QuestionEncoder encoder;
    private final Linear questionProj;
    private final Linear imageProj;
    private final Linear mlp;
    private final Linear output;

    LstmQNormINet(VqaConfig config) {
        super(VERSION, config);
        standardiser = addChildBlock("image_norm", new FeatureStandardiser(config.featureSize()));
        encoder = addChildBlock("question", new QuestionEncoder(config));
        questionProj = addChildBlock("question_proj", Linear.builder().setUnits(config.common()).build());
        imageProj = addChildBlock("image_proj", Linear.builder().setUnits(config.common()).build());
        mlp = addChildBlock("mlp", Linear.builder().setUnits(config.mlpHidden()).build());
        output = addChildBlock("output", Linear.builder().setUnits(config.answers()).build());
    }

    @Override
    public Output answer(ParameterStore ps, NDArray questions, NDArray image, boolean training) {
        float p = config.dropout();
        NDArray q = encoder.encode(ps, questions, training).all();                                        // (B, 2nH)
        NDArray fq = questionProj.forward(ps, Dropout.dropout(q, p, training), training).head().tanh(); // (B, C)
        NDArray x = seen(ps, image, training).squeeze(1);                                                              // (B, D)
        NDArray norm = x.square().sum(new int[] {1}, true).add(EPS).sqrt();                              // (B, 1)
        NDArray fi = imageProj.forward(ps, Dropout.dropout(x.div(norm), p, training), training).head().tanh(); // (B, C)
        NDArray z = mlp.forward(ps, Dropout.dropout(fq.mul(fi), p, training), training).head().tanh(); // (B, M)
        NDArray logits = output.forward(ps, Dropout.dropout(z, p, training), training).head();  // (B, A)
        return new Output(logits, List.of());
    }

    @Override
    protected FeatureStandardiser standardiser() {
        return standardiser;
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... inputShapes) {
        standardiser.initialize(m, type, new Shape(1, config.featureSize()));
        encoder.initialize(m, type, new Shape(1, 1));
        questionProj.initialize(m, type, new Shape(1, 2L * config.layers() * config.hidden()));
        imageProj.initialize(m, type, new Shape(1, config.featureSize()));
        mlp.initialize(m, type, new Shape(1, config.common()));
        output.initialize(m, type, new Shape(1, config.mlpHidden()));
    }
}
