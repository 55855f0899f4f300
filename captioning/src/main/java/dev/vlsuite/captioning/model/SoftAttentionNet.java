package dev.vlsuite.captioning.model;

import dev.vlsuite.shared.nn.TeacherForcing;
import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * Show, Attend and Tell with deterministic soft attention. The objective is Xu et al.'s per-caption sum,
 * divided by the number of target tokens in the batch (so it reads as a per-token cross-entropy):
 * <pre>
 *   loss = (sum_{b,t} -log p(y_bt) + lambda * sum_b sum_i (1 - sum_t alpha_bti)^2) / #tokens
 * </pre>
 */
final class SoftAttentionNet extends ShowAttendTellNet {

    SoftAttentionNet(CaptionConfig config) {
        super(config);
    }

    @Override
    public NDArray loss(ParameterStore ps, CaptionBatch batch, boolean training) {
        NDArray inputs = TeacherForcing.inputs(batch.tokens());                           // (B, T)
        NDArray targets = TeacherForcing.targets(batch.tokens());                         // (B, T)
        NDArray mask = TeacherForcing.mask(batch.lengths(), targets.getShape().get(1));   // (B, T)
        Unrolled u = unroll(ps, batch.grid(), inputs, Glimpse.EXPECTED, training);
        NDArray total = TeacherForcing.maskedNll(u.logProbs(), targets, mask).sum();      // ()
        if (config.doublyStochastic() > 0) {
            total = total.add(TeacherForcing.doublyStochastic(u.alphas(), mask).mul(config.doublyStochastic()));
        }
        return total.div(mask.sum());
    }

    @Override
    Glimpse decodingGlimpse() {
        return Glimpse.EXPECTED;
    }
}
