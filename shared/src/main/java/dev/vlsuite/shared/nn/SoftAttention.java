package dev.vlsuite.shared.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
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
    private static final long CHUNK_FLOATS = 1 << 20; // energies made per chunk in groupedScores: 4 MB, cache-sized

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

    /**
     * Inference-only scores for rows grouped by input, as beam search has them: row r attends over input
     * {@code r / k}'s locations, so the k rows of an input share its features instead of k copies. The
     * (R, L, A) energies are made a few inputs at a time and freed at once: no R*L*A array is ever allocated
     * and the working set stays in cache. They use {@code tanh(x) = 2 sigmoid(2x) - 1}, so
     * {@code e = v^T tanh(x) = (2v)^T sigmoid(2x) - sum(v)}: libtorch's CPU tanh costs about 3x its sigmoid, and
     * this product is most of a decoding step. The caller passes 2x's two parts (doubling is exact in floats).
     * Same values as {@link #attend} up to float rounding (~1e-7).
     *
     * @param projFeats2  2 * {@link #projectFeatures}, (G, L, A)
     * @param hiddenProj2 {@code 2 W_h h} for the R = G*k rows, (R, A), e.g. computed by the caller together with
     *                    other projections of h (see {@link #hiddenWeight})
     * @return the energies e (R, L), unmasked
     */
    public NDArray groupedScores(ParameterStore ps, NDArray projFeats2, NDArray hiddenProj2, int k) {
        long g = projFeats2.getShape().get(0), l = projFeats2.getShape().get(1), a = projFeats2.getShape().get(2);
        if (hiddenProj2.getShape().get(0) != g * k || hiddenProj2.getShape().get(1) != a) {
            throw new IllegalArgumentException("SoftAttention: " + k + " rows per input need W_h h (" + g * k + ", " + a
                    + "), got " + hiddenProj2.getShape());
        }
        NDArray v = ps.getValue(scoreWeight, projFeats2.getDevice(), false);                 // (1, A)
        long perChunk = Math.max(1, CHUNK_FLOATS / (k * l * a));                             // inputs per chunk
        NDList parts = new NDList();
        try (NDArray v2 = v.mul(2f); NDArray sumV = v.sum().neg().reshape(1)) {
            for (long g0 = 0; g0 < g; g0 += perChunk) {
                long g1 = Math.min(g, g0 + perChunk), c = g1 - g0;
                try (NDArray p = projFeats2.get("{}:{}", g0, g1);                              // (c, L, A) view
                     NDArray pe = p.expandDims(1);                                               // (c, 1, L, A)
                     NDArray hq = hiddenProj2.get("{}:{}", g0 * k, g1 * k);                     // (c*k, A)
                     NDArray hr = hq.reshape(c, k, 1, a);                                        // (c, k, 1, A)
                     NDArray x2 = pe.add(hr);                                                    // (c, k, L, A) = 2x
                     NDArray sig = Activation.sigmoid(x2);
                     NDArray s = Linear.linear(sig, v2, sumV).head()) {                          // (c, k, L, 1)
                    parts.add(s.reshape(c * k, l));
                }
            }
        }
        return parts.size() == 1 ? parts.head() : NDArrays.concat(parts, 0);                    // (R, L)
    }

    /** {@code sum_i w_i a_i} for rows grouped by input: weights (G*k, L), feats (G, L, D) -> (G*k, D), one batched matmul. */
    public static NDArray groupedContext(NDArray weights, NDArray feats, int k) {
        Shape f = feats.getShape();
        return weights.reshape(f.get(0), k, f.get(1)).batchMatMul(feats).reshape(f.get(0) * k, f.get(2)); // (G,k,L)x(G,L,D)
    }

    /** W_h (A, H): decoders may fuse it with other matrices applied to h and pass the product to {@link #groupedScores}. */
    public Parameter hiddenWeight() {
        return hiddenWeight;
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
