package dev.vlsuite.captioning.model;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.nn.TeacherForcing;
import dev.vlsuite.shared.text.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * The hard net's training loss wires REINFORCE as Xu et al. 2015 sec. 4.1 say: with the same sampled cells, the
 * gradient the policy-gradient term adds to the attention is exactly that of
 * {@code -sum_b (log p(y_b|s,a) - baseline) * sum_t log alpha_t(s_t) / #tokens} with the reward detached, the
 * per-sequence caption log-likelihood as reward, the masked steps left out and the moving baseline of the previous
 * batch subtracted; switched off, sampled glimpses give the attention no gradient at all. A sign error, an undetached
 * reward, a per-token reward or a baseline added instead of subtracted each fail here.
 */
class HardAttentionReinforceTest {
    private static final int B = 5, T = 6, L = 9, D = 12, V = 17;

    @Test
    void policyGradientTermIsTheDetachedRewardTimesTheSampledCellsLogProb() {
        try (NDManager m = NDManager.newBaseManager()) {
            HardAttentionNet on = net(false, m), off = net(true, m);
            NDArray grid = m.randomNormal(new Shape(B, L, D));                                       // (B, L, D)
            NDArray tokens = m.randomInteger(Vocabulary.UNK_ID, V, new Shape(B, T + 1), DataType.INT64);
            tokens.set(new NDIndex(":, 0"), Vocabulary.START_ID);
            NDArray lengths = m.create(new long[] {T, T - 1, 4, T, 3});                          // some rows padded
            CaptionBatch batch = new CaptionBatch(grid, tokens, lengths);
            ParameterStore ps = new ParameterStore(m, false);

            lossGradients(on, ps, batch, 1);                                                         // moves the baseline
            float baseline = on.baselineValue();
            assertNotEquals(0f, baseline, "the baseline moved after one batch");
            float[] withPg = lossGradients(on, ps, batch, 2);
            float[] withoutPg = lossGradients(off, ps, batch, 2);
            for (float g : withoutPg) assertEquals(0f, g, "switched off, sampled glimpses teach the attention nothing");

            Engine.getInstance().setRandomSeed(2);                                                   // the same draws as loss()
            m.randomUniform(0f, 1f, new Shape(1));                                                   // its expected-or-sampled draw
            float[] expected;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray inputs = TeacherForcing.inputs(tokens), targets = TeacherForcing.targets(tokens);
                NDArray mask = TeacherForcing.mask(lengths, targets.getShape().get(1));
                ShowAttendTellNet.Unrolled u = on.unroll(ps, grid, inputs, Glimpse.SAMPLED, true);
                NDArray reward = TeacherForcing.maskedNll(u.logProbs(), targets, mask).sum(new int[] {1}).neg().stopGradient();
                NDArray logP = u.locationLogP().mul(mask).sum(new int[] {1});
                gc.backward(logP.mul(reward.sub(baseline)).sum().neg().div(mask.sum()));
                expected = attentionGradients(on);
            }
            double norm = 0;
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], withPg[i], 1e-5 + 1e-3 * Math.abs(expected[i]), "attention gradient " + i);
                norm += Math.abs(expected[i]);
            }
            assertTrue(norm > 1e-3, "the policy gradient is not zero (the check would be vacuous otherwise): " + norm);
        }
    }

    private static HardAttentionNet net(boolean policyGradientOff, NDManager m) {
        Engine.getInstance().setRandomSeed(11);                                                      // both nets the same weights
        CaptionConfig config = new CaptionConfig(Arch.HARD, V, 8, 10, 7, D, L, 0f, 0f, 0f, 0f, "vgg-small", 64, 20)
                .withPolicyGradientOff(policyGradientOff);
        return (HardAttentionNet) CaptionNets.createInitialized(config, m);
    }

    /** Gradients of the training loss w.r.t. the attention's parameters, the engine seeded first (same sampled cells). */
    private static float[] lossGradients(HardAttentionNet net, ParameterStore ps, CaptionBatch batch, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(net.loss(ps, batch, true));
            return attentionGradients(net);
        }
    }

    /** The attention block's parameter gradients, concatenated, then zeroed (gradients accumulate). */
    private static float[] attentionGradients(HardAttentionNet net) {
        float[] all = new float[0];
        for (var pair : net.getParameters()) {
            if (!pair.getKey().contains("attention_")) continue;           // child names carry an index prefix
            Parameter p = pair.getValue();
            NDArray g = p.getArray().getGradient();
            float[] v = g.toFloatArray();
            g.muli(0);
            float[] joined = java.util.Arrays.copyOf(all, all.length + v.length);
            System.arraycopy(v, 0, joined, all.length, v.length);
            all = joined;
        }
        assertTrue(all.length > 0, "attention parameters found");
        return all;
    }
}
