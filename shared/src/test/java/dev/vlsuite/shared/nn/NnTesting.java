package dev.vlsuite.shared.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Small helpers shared by the nn tests: host copies and a central-difference gradient check. */
public final class NnTesting {
    private NnTesting() {}

    public static double[] randoms(Random random, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (random.nextDouble() * 2 - 1) * scale;
        }
        return v;
    }

    /** Overwrites a FLOAT32 or FLOAT64 array in place. */
    public static void fill(NDArray a, double[] v) {
        if (a.getDataType() == DataType.FLOAT64) {
            a.set(DoubleBuffer.wrap(v));
        } else {
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = (float) v[i];
            }
            a.set(FloatBuffer.wrap(f));
        }
    }

    public static double[] read(NDArray a) {
        if (a.getDataType() == DataType.FLOAT64) {
            return a.toDoubleArray();
        }
        float[] f = a.toType(DataType.FLOAT32, false).toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    public static double scalar(NDArray a) {
        return a.getDataType() == DataType.FLOAT64 ? a.getDouble() : a.getFloat();
    }

    public static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, what + "[" + i + "]");
        }
    }

    /**
     * Autograd gradients of {@code loss} w.r.t. each array in {@code wrt} (which must require gradients)
     * against central finite differences, both in the arrays' own precision (use FLOAT64).
     */
    public static void checkGradients(Supplier<NDArray> loss, List<NDArray> wrt, double eps, double tol) {
        double[][] analytic = new double[wrt.size()][];
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(loss.get());
        }
        for (int k = 0; k < wrt.size(); k++) {
            analytic[k] = read(wrt.get(k).getGradient());
        }
        for (int k = 0; k < wrt.size(); k++) {
            NDArray a = wrt.get(k);
            double[] base = read(a);
            double[] numeric = new double[base.length];
            for (int i = 0; i < base.length; i++) {
                double[] v = base.clone();
                v[i] = base[i] + eps;
                fill(a, v);
                double plus = scalar(loss.get());
                v[i] = base[i] - eps;
                fill(a, v);
                double minus = scalar(loss.get());
                numeric[i] = (plus - minus) / (2 * eps);
            }
            fill(a, base);
            assertClose(numeric, analytic[k], tol, "gradient of input " + k);
        }
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** y = W v + b for a row-major W (rows x v.length). */
    static double[] affine(double[] w, double[] b, double[] v, int rows) {
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = b == null ? 0 : b[r];
            for (int j = 0; j < v.length; j++) {
                s += w[r * v.length + j] * v[j];
            }
            y[r] = s;
        }
        return y;
    }

    static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static double[] row(double[] m, int r, int width) {
        return java.util.Arrays.copyOfRange(m, r * width, (r + 1) * width);
    }
}
