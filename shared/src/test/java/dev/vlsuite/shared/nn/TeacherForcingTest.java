package dev.vlsuite.shared.nn;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class TeacherForcingTest {
    @Test
    void inputsTargetsAndTheLengthMask() {
        try (NDManager m = NDManager.newBaseManager()) {
            // <start>=1 w <end>=2 <pad>=0; row lengths count targets (words + <end>)
            NDArray tokens = m.create(new long[] {1, 5, 6, 2, 1, 2, 0, 0, 1, 7, 2, 0}, new Shape(3, 4));
            NDArray lengths = m.create(new long[] {3, 1, 2});
            assertArrayEquals(new long[] {1, 5, 6, 1, 2, 0, 1, 7, 2}, TeacherForcing.inputs(tokens).toLongArray());
            assertArrayEquals(new long[] {5, 6, 2, 2, 0, 0, 7, 2, 0}, TeacherForcing.targets(tokens).toLongArray());
            assertArrayEquals(new float[] {1, 1, 1, 1, 0, 0, 1, 1, 0}, TeacherForcing.mask(lengths, 3).toFloatArray());
            assertArrayEquals(new float[] {0, 0, 0}, TeacherForcing.mask(m.create(new long[] {0, 0, 0}), 1).toFloatArray(), "zero lengths mask every step");
            assertArrayEquals(new float[] {1, 1, 1, 1, 0, 0}, TeacherForcing.mask(m.create(new long[] {5, 1}), 3).toFloatArray(),
                    "a length past the width masks every step");
        }
    }

    @Test
    void maskedNllPicksTheTargetsLogProbabilityOnRealStepsOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logProbs = m.create(new float[] {
                    -0.1f, -2f, -3f,   -1f, -0.5f, -4f,          // row 0: steps 0, 1
                    -0.2f, -0.3f, -5f, -9f, -9f, -0.01f}, new Shape(2, 2, 3));
            NDArray targets = m.create(new long[] {0, 1, 2, 2}, new Shape(2, 2));
            NDArray mask = TeacherForcing.mask(m.create(new long[] {2, 1}), 2);
            assertArrayEquals(new float[] {0.1f, 0.5f, 5f, 0f}, TeacherForcing.maskedNll(logProbs, targets, mask).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void doublyStochasticCountsOnlyRealSteps() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray alphas = m.create(new float[] {1, 0, 0.5f, 0.5f}, new Shape(1, 2, 2));   // (B=1, T=2, L=2)
            NDArray all = TeacherForcing.mask(m.create(new long[] {2}), 2);
            NDArray first = TeacherForcing.mask(m.create(new long[] {1}), 2);
            assertEquals(0.5f, TeacherForcing.doublyStochastic(alphas, all).getFloat(), 1e-6f);    // (1-1.5)^2 + (1-0.5)^2
            assertEquals(1f, TeacherForcing.doublyStochastic(alphas, first).getFloat(), 1e-6f);   // (1-1)^2 + (1-0)^2
        }
    }
}
