package dev.vlsuite.shared.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import static dev.vlsuite.shared.nn.NnTesting.read;
import static org.junit.jupiter.api.Assertions.*;

class GradientClippingBothSignsTest {

    @Test
    void clipsBothSignsByTheGlobalNormAndLeavesSmallGradientsAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            Linear lin = Linear.builder().setUnits(2).build();
            lin.initialize(m, DataType.FLOAT32, new Shape(1, 2));
            ParameterStore ps = new ParameterStore(m, false);
            // loss = sum(y * [30, -40]) with x = [1, 0]: dW = [[30, 0], [-40, 0]], db = [30, -40]; norm = sqrt(2) * 50
            NDArray x = m.create(new float[][] {{1, 0}});
            NDArray coef = m.create(new float[][] {{30, -40}});
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(lin.forward(ps, new NDList(x), true).head().mul(coef).sum());
            }
            int before = countArrays(m);
            double norm;
            try (NDManager scope = m.newSubManager()) {
                norm = GradientClipping.clipGlobalNorm(lin.getParameters(), 5, scope);
            }
            assertEquals(Math.sqrt(2) * 50, norm, 1e-3);
            assertEquals(before, countArrays(m), "no handles left in the model manager");
            double[] dw = read(lin.getParameters().get("weight").getArray().getGradient());
            double[] db = read(lin.getParameters().get("bias").getArray().getGradient());
            double scale = 5 / (Math.sqrt(2) * 50);
            assertArrayEquals(new double[] {30 * scale, 0, -40 * scale, 0}, dw, 1e-5);
            assertArrayEquals(new double[] {30 * scale, -40 * scale}, db, 1e-5);
            double again;
            try (NDManager scope = m.newSubManager()) {
                again = GradientClipping.clipGlobalNorm(lin.getParameters(), 10, scope);
            }
            assertEquals(5f, again, 1e-4);
            assertArrayEquals(new double[] {30 * scale, -40 * scale}, read(lin.getParameters().get("bias").getArray().getGradient()), 1e-5);
        }
    }

    private static int countArrays(NDManager m) {
        return m.getManagedArrays().size();
    }
}
