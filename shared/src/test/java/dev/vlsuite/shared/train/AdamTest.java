package dev.vlsuite.shared.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class AdamTest {
    /** torch.optim.Adam on one weight, in doubles: the reference the NDArray version must match. */
    private static double[] reference(double w, double g, double lr, AdamConfig c, int steps) {
        double m = 0, v = 0;
        double[] out = new double[steps];
        for (int t = 1; t <= steps; t++) {
            double grad = g + c.weightDecay() * w;
            m = c.beta1() * m + (1 - c.beta1()) * grad;
            v = c.beta2() * v + (1 - c.beta2()) * grad * grad;
            double mHat = m / (1 - Math.pow(c.beta1(), t)), vHat = v / (1 - Math.pow(c.beta2(), t));
            w -= lr * mHat / (Math.sqrt(vHat) + c.eps());
            out[t - 1] = w;
        }
        return out;
    }

    @Test
    void matchesTorchAdamWithWeightDecay() {
        AdamConfig c = new AdamConfig(0.9, 0.999, 1e-8, 0.1);
        try (NDManager m = NDManager.newBaseManager(); Adam adam = new Adam(c, m)) {
            FixedGradients f = new FixedGradients(m);
            float[] w0 = f.weight();
            float[] grads = {3, -4, 3, -4};
            double[][] expected = new double[4][];
            for (int i = 0; i < 4; i++) expected[i] = reference(w0[i], grads[i], 0.01, c, 3);
            for (int t = 0; t < 3; t++) {
                f.backward();
                try (NDManager scope = m.newSubManager()) {
                    adam.update(f.linear.getParameters(), 0.01, scope);
                }
                float[] w = f.weight();
                for (int i = 0; i < 4; i++) assertEquals(expected[i][t], w[i], 1e-5, "step " + (t + 1) + " weight " + i);
                assertArrayEquals(new float[] {0, 0, 0, 0}, f.weightGrad(), 0f, "gradients zeroed after the update");
            }
            assertEquals(3, adam.step());
        }
    }

    @Test
    void savedStateContinuesExactly() throws Exception {
        AdamConfig c = AdamConfig.defaults();
        try (NDManager m = NDManager.newBaseManager(); Adam a = new Adam(c, m); Adam b = new Adam(c, m)) {
            FixedGradients fa = new FixedGradients(m), fb = new FixedGradients(m);
            for (int t = 0; t < 2; t++) {
                fa.backward();
                fb.backward();
                try (NDManager s = m.newSubManager()) {
                    a.update(fa.linear.getParameters(), 0.01, s);
                    b.update(fb.linear.getParameters(), 0.01, s);
                }
            }
            try (Adam restored = new Adam(c, m)) {
                restored.loadState(b.saveState());
                assertEquals(2, restored.step());
                fa.backward();
                fb.backward();
                try (NDManager s = m.newSubManager()) {
                    a.update(fa.linear.getParameters(), 0.01, s);
                    restored.update(fb.linear.getParameters(), 0.01, s);
                }
                assertArrayEquals(fa.weight(), fb.weight(), 0f);
            }
        }
    }

    @Test
    void perParameterScaleMultipliesTheStep() {
        try (NDManager m = NDManager.newBaseManager(); Adam plain = new Adam(AdamConfig.defaults(), m);
             Adam scaled = new Adam(AdamConfig.defaults(), m)) {
            FixedGradients a = new FixedGradients(m), b = new FixedGradients(m);
            float[] w0 = a.weight();
            float[] b0 = b.linear.getParameters().get("bias").getArray().toFloatArray();
            a.backward();
            b.backward();
            try (NDManager s = m.newSubManager()) {
                plain.update(a.linear.getParameters(), 0.01, s);
                scaled.update(b.linear.getParameters(), 0.01, name -> name.equals("weight") ? 0.5 : 0.0, s);
            }
            float[] wa = a.weight(), wb = b.weight();
            for (int i = 0; i < 4; i++) {
                assertEquals(0.5 * (wa[i] - w0[i]), wb[i] - w0[i], 1e-6, "weight " + i + " moves half as far");
                assertEquals(0.01, Math.abs(wa[i] - w0[i]), 1e-5, "Adam's first step is lr per element");
            }
            assertArrayEquals(b0, b.linear.getParameters().get("bias").getArray().toFloatArray(), 0f, "scale 0 freezes the bias");
        }
    }
}
