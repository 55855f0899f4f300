package dev.vlsuite.shared.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Additive ("MLP") attention of Bahdanau et al. 2015 as used by Xu et al. 2015 (Show, Attend and Tell):
 * <pre>
 *   e_{t,i}   = v^T tanh(W_a a_i + b_a + W_h h_{t-1})       scores, (B, L)
 *   alpha_t   = softmax_i(e_t)  (masked locations get weight 0)
 *   context_t = sum_i alpha_{t,i} a_i                        (B, D)
 * </pre>
 * {@code W_a a_i + b_a} does not depend on t: compute it once per input with {@link #projectFeatures}
 * and pass it to every {@link #attend} call (DJL-NOTES 8).
 *
 * <p>As a Block: {@code forward(ps, (feats (B,L,D), h (B,H) [, mask (B,L)]))} returns {@code (context, alpha)};
 * initialize with shapes {@code (B,L,D), (B,H)}.
 */
public final class SoftAttention extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final float MASKED = -1e9f; // added to scores of masked locations: exp underflows to 0

    private final int featureSize;
    private final int hiddenSize;
    private final int attentionSize;
    private final Parameter featWeight;   // W_a (A, D)
    private final Parameter featBias;     // b_a (A)
    private final Parameter hiddenWeight; // W_h (A, H)
    private final Parameter scoreWeight;  // v (1, A)

    /** The result of one attention step. */
    public record Attended(
            NDArray context, // (B, D) alpha-weighted sum of the features
            NDArray alpha,   // (B, L) weights, rows sum to 1, 0 where masked
            NDArray scores   // (B, L) masked energies e (pre-softmax); logSoftmax(scores) = log alpha
    ) {}

    public SoftAttention(int featureSize, int hiddenSize, int attentionSize) {
        super(VERSION);
        if (featureSize <= 0 || hiddenSize <= 0 || attentionSize <= 0) {
            throw new IllegalArgumentException("attention sizes must be positive: D " + featureSize
                    + ", H " + hiddenSize + ", A " + attentionSize);
        }
        this.featureSize = featureSize;
        this.hiddenSize = hiddenSize;
        this.attentionSize = attentionSize;
        featWeight = addParameter(Parameter.builder().setName("feat_weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(attentionSize, featureSize)).build());
        featBias = addParameter(Parameter.builder().setName("feat_bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(attentionSize)).build());
        hiddenWeight = addParameter(Parameter.builder().setName("hidden_weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(attentionSize, hiddenSize)).build());
        scoreWeight = addParameter(Parameter.builder().setName("score_weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1, attentionSize)).build());
    }

    /** {@code W_a a + b_a}: feats (B, L, D) -> (B, L, A). Once per input, not per step. */
    public NDArray projectFeatures(ParameterStore ps, NDArray feats, boolean training) {
        checkFeatures(feats);
        return Linear.linear(feats, ps.getValue(featWeight, feats.getDevice(), training),
                ps.getValue(featBias, feats.getDevice(), training)).head();            // (B, L, A)
    }

    /**
     * One attention step.
     *
     * @param feats     a (B, L, D)
     * @param projFeats {@link #projectFeatures} of feats, (B, L, A)
     * @param h         the decoder state h_{t-1}, (B, H)
     * @param mask      (B, L), 1 = attend, 0 = padding; null when every location is real. A row with no
     *                  real location gets uniform weights.
     */
    public Attended attend(ParameterStore ps, NDArray feats, NDArray projFeats, NDArray h, NDArray mask, boolean training) {
        checkFeatures(feats);
        if (h.getShape().dimension() != 2 || h.getShape().get(1) != hiddenSize) {
            throw new IllegalArgumentException("SoftAttention: h must be (B, " + hiddenSize + "), got " + h.getShape());
        }
        NDArray ph = Linear.linear(h, ps.getValue(hiddenWeight, h.getDevice(), training)).head().expandDims(1); // (B, 1, A)
        NDArray hidden = projFeats.add(ph).tanh();                                                            // (B, L, A)
        NDArray scores = Linear.linear(hidden, ps.getValue(scoreWeight, h.getDevice(), training)).head().squeeze(2); // (B, L)
        if (mask != null) {
            NDArray m = mask.toType(scores.getDataType(), false);                                             // (B, L)
            scores = scores.add(m.sub(1f).mul(-MASKED));                                                      // + 0 or -1e9
        }
        NDArray alpha = scores.softmax(1);                                                                    // (B, L)
        NDArray context = alpha.expandDims(1).batchMatMul(feats).squeeze(1);                                  // (B,1,L)x(B,L,D) -> (B, D)
        return new Attended(context, alpha, scores);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray feats = inputs.get(0);
        NDArray mask = inputs.size() > 2 ? inputs.get(2) : null;
        Attended a = attend(ps, feats, projectFeatures(ps, feats, training), inputs.get(1), mask, training);
        return new NDList(a.context(), a.alpha());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape f = inputShapes[0];
        return new Shape[] {new Shape(f.get(0), f.get(2)), new Shape(f.get(0), f.get(1))};
    }

    private void checkFeatures(NDArray feats) {
        if (feats.getShape().dimension() != 3 || feats.getShape().get(2) != featureSize) {
            throw new IllegalArgumentException("SoftAttention: features must be (B, L, " + featureSize + "), got " + feats.getShape());
        }
    }

    public int featureSize() {
        return featureSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public int attentionSize() {
        return attentionSize;
    }
}
