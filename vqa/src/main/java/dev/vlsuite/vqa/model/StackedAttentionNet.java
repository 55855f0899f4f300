package dev.vlsuite.vqa.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.nn.SoftAttention;
import java.util.ArrayList;
import java.util.List;

/**
 * Stacked attention networks (Yang et al. 2016, zcyang/imageqa-san) with the LSTM question model:
 * <pre>
 *   u_0   = h of the question LSTM's top layer at the last word             (B, H)
 *   v_I   = tanh(W_I f_I + b_I), f_I the conv grid (standardised per channel) projected to H  (B, L, H)
 *   hop k: h_A = tanh(W_IA v_I + (W_QA u_{k-1} + b_A))                      (B, L, K)
 *          p_I = softmax(W_P h_A)                                          (B, L)
 *          u_k = u_{k-1} + sum_i p_i v_i                                   (B, H)
 *   p     = softmax(W_u dropout(u_K) + b_u)                                (B, A)
 * </pre>
 * Each hop is the shared additive attention (shared.nn.SoftAttention computes exactly v^T tanh(W a + b + W_h h));
 * the paper's per-location bias b_P is left out. The weights p_I of every hop are returned for pictures.
 */
final class StackedAttentionNet extends VqaNet {
    private static final byte VERSION = 1;

    private final FeatureStandardiser standardiser;
    private final QuestionEncoder encoder;
    private final Linear imageProj;
    private final List<SoftAttention> hops = new ArrayList<>();
    private final Linear output;

    StackedAttentionNet(VqaConfig config) {
        super(VERSION, config);
        standardiser = addChildBlock("image_norm", new FeatureStandardiser(config.featureSize()));
        encoder = addChildBlock("question", new QuestionEncoder(config));
        imageProj = addChildBlock("image_proj", Linear.builder().setUnits(config.hidden()).build());
        for (int k = 0; k < config.hops(); k++) {
            hops.add(addChildBlock("hop" + (k + 1), new SoftAttention(config.hidden(), config.hidden(), config.attentionDim())));
        }
        output = addChildBlock("output", Linear.builder().setUnits(config.answers()).build());
    }

    @Override
    public Output answer(ParameterStore ps, NDArray questions, NDArray image, boolean training) {
        float p = config.dropout();
        NDArray u = encoder.encode(ps, questions, training).top();                                        // (B, H)
        NDArray grid = Dropout.dropout(seen(ps, image, training), p, training).head();                       // (B, L, D)
        NDArray v = imageProj.forward(ps, new NDList(grid), training).head().tanh();                      // (B, L, H)
        List<NDArray> alphas = new ArrayList<>();
        for (SoftAttention hop : hops) {
            SoftAttention.Attended a = hop.attend(ps, v, hop.projectFeatures(ps, v, training), u, null, training);
            u = u.add(a.context());                                                                     // (B, H)
            alphas.add(a.alpha());                                                                      // (B, L)
        }
        NDArray logits = output.forward(ps, Dropout.dropout(u, p, training), training).head(); // (B, A)
        return new Output(logits, alphas);
    }

    @Override
    protected FeatureStandardiser standardiser() {
        return standardiser;
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... inputShapes) {
        standardiser.initialize(m, type, new Shape(1, config.featureSize()));
        encoder.initialize(m, type, new Shape(1, 1));
        imageProj.initialize(m, type, new Shape(1, config.locations(), config.featureSize()));
        for (SoftAttention hop : hops) {
            hop.initialize(m, type, new Shape(1, config.locations(), config.hidden()), new Shape(1, config.hidden()));
        }
        output.initialize(m, type, new Shape(1, config.hidden()));
    }
}
