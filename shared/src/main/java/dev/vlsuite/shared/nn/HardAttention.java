package dev.vlsuite.shared.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Stochastic "hard" attention of Xu et al. 2015: one location s_t ~ Multinoulli(alpha_t) per row, and the
 * context is that location's feature vector. The scores come from {@link SoftAttention#attend} (masked
 * energies), so soft and hard attention share their parameters and masking.
 *
 * <p>Sampling uses the Gumbel-max trick on the device ({@code randomMultinomial} is missing on PyTorch,
 * DJL-NOTES 1.9), drawn from the engine's seeded RNG. {@code logProb} is differentiable w.r.t. the scores:
 * it is what {@link Reinforce} multiplies by the advantage.
 */
public final class HardAttention {
    private HardAttention() {}

    /** One draw of hard attention. */
    public record Sampled(
            NDArray context,  // (B, D) feats[b, location_b]
            NDArray location, // (B) INT64
            NDArray logProb,  // (B) log alpha[b, location_b], differentiable
            NDArray alpha,    // (B, L)
            NDArray entropy   // (B) -sum_l alpha log alpha, differentiable (for the entropy bonus)
    ) {}

    /** Samples one location per row from softmax(scores). feats (B, L, D), scores (B, L). */
    public static Sampled sample(NDArray feats, NDArray scores) {
        NDArray logAlpha = scores.logSoftmax(1);                                                  // (B, L)
        NDArray u = scores.getManager().randomUniform(1e-10f, 1f, scores.getShape())
                .toType(logAlpha.getDataType(), false);                                           // (B, L)
        NDArray gumbel = u.log().neg().log().neg();                                               // -log(-log u)
        NDArray location = logAlpha.stopGradient().add(gumbel).argMax(1);                         // (B) ~ alpha
        return pick(feats, logAlpha, location);
    }

    /** The most likely location per row (deterministic decoding with a hard-attention model). */
    public static Sampled argmax(NDArray feats, NDArray scores) {
        NDArray logAlpha = scores.logSoftmax(1);                                                  // (B, L)
        return pick(feats, logAlpha, logAlpha.stopGradient().argMax(1));
    }

    private static Sampled pick(NDArray feats, NDArray logAlpha, NDArray location) {
        int l = (int) logAlpha.getShape().get(1);
        NDArray loc = location.toType(DataType.INT64, false);                                     // (B)
        NDArray oneHot = loc.oneHot(l).toType(feats.getDataType(), false);                        // (B, L)
        NDArray context = oneHot.expandDims(1).batchMatMul(feats).squeeze(1);                     // (B,1,L)x(B,L,D) -> (B, D)
        NDArray logProb = logAlpha.gather(loc.expandDims(1), 1).squeeze(1);                       // (B)
        NDArray alpha = logAlpha.exp();                                                           // (B, L)
        NDArray entropy = alpha.mul(logAlpha).sum(new int[] {1}).neg();                           // (B); masked: 0 * -1e9 = 0
        return new Sampled(context, loc, logProb, alpha, entropy);
    }
}
