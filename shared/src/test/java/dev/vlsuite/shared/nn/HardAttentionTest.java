package dev.vlsuite.shared.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.vlsuite.shared.nn.NnTesting.*;
import static org.junit.jupiter.api.Assertions.*;

/** Hard attention sampling and the REINFORCE estimator on problems with known answers. */
class HardAttentionTest {
    private static final double[] THETA = {0.5, -1.0, 1.2, 0.0};   // scores over L = 4 locations
    private static final double[] REWARD = {1.0, -0.5, 2.0, 0.3};  // reward of attending each location
    private NDManager manager;

    @BeforeEach
    void open() {
        Engine.getInstance().setRandomSeed(1234);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static double[] softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double[] p = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            p[i] = Math.exp(s[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < s.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    @Test
    void samplesFollowAlphaAndPickTheSampledFeature() {
        int n = 100_000, l = 4, d = 2;
        NDArray scores = manager.create(THETA).toType(DataType.FLOAT32, false).expandDims(0).repeat(0, n); // (N, L)
        NDArray base = manager.create(new float[][] {{1, 10}, {2, 20}, {3, 30}, {4, 40}});
        NDArray feats = base.expandDims(0).repeat(0, n);                                                  // (N, L, D)
        HardAttention.Sampled s = HardAttention.sample(feats, scores);
        long[] loc = s.location().toLongArray();
        float[] ctx = s.context().toFloatArray();
        float[] logp = s.logProb().toFloatArray();
        double[] alpha = softmax(THETA);
        int[] counts = new int[l];
        for (int b = 0; b < n; b++) {
            int k = (int) loc[b];
            counts[k]++;
            assertEquals(k + 1, ctx[b * d], 0f);
            assertEquals(10 * (k + 1), ctx[b * d + 1], 0f);
            assertEquals(Math.log(alpha[k]), logp[b], 1e-5);
        }
        for (int k = 0; k < l; k++) {
            assertEquals(alpha[k], counts[k] / (double) n, 0.006, "location " + k);
        }
        double h = 0;
        for (double a : alpha) {
            h -= a * Math.log(a);
        }
        assertEquals(h, s.entropy().get(0).getFloat(), 1e-5);
    }

    @Test
    void maskedLocationsAreNeverSampled() {
        int n = 5000;
        SoftAttention att = new SoftAttention(2, 3, 4);
        att.initialize(manager, DataType.FLOAT32, new Shape(n, 4, 2), new Shape(n, 3));
        var ps = new ai.djl.training.ParameterStore(manager, false);
        NDArray feats = manager.randomNormal(new Shape(n, 4, 2));
        NDArray h = manager.randomNormal(new Shape(n, 3));
        NDArray mask = manager.create(new float[] {1, 0, 1, 0}).expandDims(0).repeat(0, n);
        SoftAttention.Attended a = att.attend(ps, feats, att.projectFeatures(ps, feats, false), h, mask, false);
        HardAttention.Sampled s = HardAttention.sample(feats, a.scores());
        for (long k : s.location().toLongArray()) {
            assertTrue(k == 0 || k == 2, "sampled masked location " + k);
        }
        assertTrue(Float.isFinite(s.entropy().sum().getFloat()));
        long[] best = HardAttention.argmax(feats, a.scores()).location().toLongArray();
        long[] alphaBest = a.alpha().argMax(1).toLongArray();
        assertArrayEquals(alphaBest, best);
    }

    @Test
    void reinforceGradientIsAnUnbiasedEstimateOfTheExpectedRewardGradient() {
        // J(theta) = sum_k alpha_k r_k, dJ/dtheta_k = alpha_k (r_k - J). The surrogate's gradient is -dJ/dtheta in
        // expectation, whatever the baseline; averaged over 5 batches of 40k samples with a moving baseline.
        double[] alpha = softmax(THETA);
        double j = 0;
        for (int k = 0; k < 4; k++) {
            j += alpha[k] * REWARD[k];
        }
        int n = 40_000, batches = 5;
        Reinforce reinforce = new Reinforce(0.9f, 0f, 0f);
        double[] mean = new double[4];
        for (int i = 0; i < batches; i++) {
            try (NDManager step = manager.newSubManager()) {
                NDArray theta = step.create(THETA);               // FLOAT64 (L); fresh, as gradients accumulate
                theta.setRequiresGradient(true);
                NDArray feats = step.zeros(new Shape(n, 4, 1), DataType.FLOAT64);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray scores = theta.expandDims(0).repeat(0, n);                   // (N, L)
                    scores.attach(step);
                    HardAttention.Sampled s = HardAttention.sample(feats, scores);
                    long[] loc = s.location().toLongArray();
                    double[] r = new double[n];
                    for (int b = 0; b < n; b++) {
                        r[b] = REWARD[(int) loc[b]];
                    }
                    gc.backward(reinforce.loss(s.logProb(), step.create(r), s.entropy()));
                }
                double[] g = read(theta.getGradient());
                for (int k = 0; k < 4; k++) {
                    mean[k] += g[k] / batches;
                }
            }
        }
        for (int k = 0; k < 4; k++) {
            assertEquals(-alpha[k] * (REWARD[k] - j), mean[k], 0.01, "dLoss/dtheta_" + k);
        }
        assertTrue(reinforce.baseline() > 0.3 * j && reinforce.baseline() < j, "baseline moves toward the mean reward");
    }

    @Test
    void entropyBonusHasTheClosedFormGradientAndBaselineIsAMovingAverage() {
        // reward == baseline: the policy term vanishes, leaving -w * dH/dtheta with dH/dtheta_k = -alpha_k (log alpha_k + H)
        double[] alpha = softmax(THETA);
        double h = 0;
        for (double a : alpha) {
            h -= a * Math.log(a);
        }
        Reinforce reinforce = new Reinforce(0.9f, 0.5f, 2f);
        NDArray theta = manager.create(THETA);
        theta.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray scores = theta.expandDims(0).repeat(0, 3);
            HardAttention.Sampled s = HardAttention.sample(manager.zeros(new Shape(3, 4, 1), DataType.FLOAT64), scores);
            gc.backward(reinforce.loss(s.logProb(), manager.create(new double[] {2, 2, 2}), s.entropy()));
        }
        double[] g = read(theta.getGradient());
        for (int k = 0; k < 4; k++) {
            assertEquals(-0.5 * -alpha[k] * (Math.log(alpha[k]) + h), g[k], 1e-9);
        }
        assertEquals(2f, reinforce.baseline(), 1e-6);
        reinforce.loss(manager.create(new double[] {0, 0}), manager.create(new double[] {4, 6}), null);
        assertEquals(0.9 * 2 + 0.1 * 5, reinforce.baseline(), 1e-6);
        assertEquals(0.002f, Reinforce.xuEtAl().entropyWeight());
    }
}
