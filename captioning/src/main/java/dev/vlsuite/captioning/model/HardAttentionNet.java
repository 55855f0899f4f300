package dev.vlsuite.captioning.model;

import dev.vlsuite.shared.nn.TeacherForcing;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import dev.vlsuite.shared.nn.Reinforce;

/**
 * Show, Attend and Tell with stochastic hard attention (Xu et al. 2015, section 4.1). Per batch, with probability
 * {@code expectedContextProb} the expected context is used (then it trains like the soft model); otherwise one
 * cell s_t ~ alpha_t is sampled per step and the attention is trained by REINFORCE with the caption
 * log-likelihood log p(y|s,a) as reward, a moving-average baseline and an entropy bonus:
 * <pre>
 *   loss = (sum -log p(y|s,a) + lambda * DS + B * Reinforce(sum_t log alpha_t(s_t), log p(y|s,a), sum_t H(alpha_t))) / #tokens
 * </pre>
 * The surrogate adds only its gradient (its value is subtracted again), so the loss value is the caption objective.
 * With {@code policyGradientOff} (an ablation) the surrogate is left out and sampled glimpses teach the attention nothing.
 * The baseline is a non-trainable parameter, so it is saved in checkpoints and a resumed run goes on with it.
 * Captions are decoded with the most likely cell at each step.
 */
final class HardAttentionNet extends ShowAttendTellNet {
    static final float BASELINE_DECAY = 0.9f; // Xu et al.

    private final Parameter baseline; // () moving average of the reward

    HardAttentionNet(CaptionConfig config) {
        super(config);
        baseline = addParameter(Parameter.builder().setName("reinforce_baseline").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(Initializer.ZEROS).optRequiresGrad(false).build());
    }

    @Override
    public NDArray loss(ParameterStore ps, CaptionBatch batch, boolean training) {
        NDArray inputs = TeacherForcing.inputs(batch.tokens());                           // (B, T)
        NDArray targets = TeacherForcing.targets(batch.tokens());                         // (B, T)
        NDArray mask = TeacherForcing.mask(batch.lengths(), targets.getShape().get(1));   // (B, T)
        boolean expected = !training || batch.grid().getManager().randomUniform(0f, 1f, new Shape(1))
                .getFloat(0) < config.expectedContextProb();
        Unrolled u = unroll(ps, batch.grid(), inputs, expected ? Glimpse.EXPECTED : Glimpse.SAMPLED, training);
        NDArray nll = TeacherForcing.maskedNll(u.logProbs(), targets, mask);              // (B, T)
        NDArray total = nll.sum();                                                        // ()
        if (config.doublyStochastic() > 0) {
            total = total.add(TeacherForcing.doublyStochastic(u.alphas(), mask).mul(config.doublyStochastic()));
        }
        if (!expected && !config.policyGradientOff()) {
            NDArray reward = nll.sum(new int[] {1}).neg();                                // (B) log p(y|s,a)
            NDArray logP = u.locationLogP().mul(mask).sum(new int[] {1});                 // (B) log p(s|a)
            NDArray entropy = u.entropies().mul(mask).sum(new int[] {1});                 // (B)
            Reinforce reinforce = new Reinforce(BASELINE_DECAY, config.entropyWeight(), baselineValue());
            NDArray surrogate = reinforce.loss(logP, reward, entropy);                    // () mean over B
            // value 0, gradient intact: the reported loss stays the caption objective, not the surrogate's value
            NDArray surrogateGradient = surrogate.sub(surrogate.stopGradient());
            total = total.add(surrogateGradient.mul(reward.getShape().get(0)));
            // an indexed put: NDArray.set(float[]) makes libtorch print a deprecation warning on the console
            baseline.getArray().set(new ai.djl.ndarray.index.NDIndex("..."), reinforce.baseline());
        }
        return total.div(mask.sum());
    }

    /** The current moving-average reward baseline. */
    float baselineValue() {
        return baseline.getArray().getFloat(0);
    }

    @Override
    Glimpse decodingGlimpse() {
        return Glimpse.MOST_LIKELY;
    }
}
