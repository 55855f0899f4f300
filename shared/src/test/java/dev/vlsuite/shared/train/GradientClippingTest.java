package dev.vlsuite.shared.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class GradientClippingTest {
    @Test
    void scalesBothSignsByTheGlobalNorm() {
        try (NDManager m = NDManager.newBaseManager()) {
            FixedGradients f = new FixedGradients(m);
            f.backward();
            double norm;
            try (NDManager scope = m.newSubManager()) {
                norm = GradientClipping.clipGlobalNorm(f.linear.getParameters(), 1.0, scope);
            }
            assertEquals(Math.sqrt(52), norm, 1e-5);
            float k = (float) (1.0 / (Math.sqrt(52) + 1e-6));
            assertArrayEquals(new float[] {3 * k, -4 * k, 3 * k, -4 * k}, f.weightGrad(), 1e-6f); // negatives clipped too
            assertArrayEquals(new float[] {k, k}, f.biasGrad(), 1e-6f);
            double sq = 0;
            for (float g : f.weightGrad()) sq += g * g;
            for (float g : f.biasGrad()) sq += g * g;
            assertEquals(1.0, Math.sqrt(sq), 1e-5, "global norm after clipping");
        }
    }

    @Test
    void leavesSmallGradientsAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            FixedGradients f = new FixedGradients(m);
            f.backward();
            try (NDManager scope = m.newSubManager()) {
                assertEquals(Math.sqrt(52), GradientClipping.clipGlobalNorm(f.linear.getParameters(), 10.0, scope), 1e-5);
            }
            assertArrayEquals(new float[] {3, -4, 3, -4}, f.weightGrad(), 0f);
        }
    }
}
