package dev.vlsuite.shared.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.vlsuite.shared.nn.NnTesting.*;
import static org.junit.jupiter.api.Assertions.*;

/** Each cell against its equations computed by hand (double precision), and its gradients against finite differences. */
class RecurrentCellsTest {
    private static final int B = 2, D = 3, H = 2;
    private NDManager manager;
    private final Random random = new Random(7);

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Initializes the cell in the given type and overwrites every parameter with seeded values in [-1, 1]. */
    private List<double[]> init(RecurrentCell cell, DataType type) {
        cell.initialize(manager, type, new Shape(B, cell.inputSize()));
        List<double[]> values = new ArrayList<>();
        for (var p : cell.getParameters()) {
            NDArray a = p.getValue().getArray();
            double[] v = randoms(random, (int) a.size(), 1.0);
            fill(a, v);
            values.add(v);
        }
        return values;
    }

    private NDArray array(double[] v, Shape shape, DataType type) {
        return manager.create(v, shape).toType(type, false);
    }

    @Test
    void lstmMatchesItsEquations() {
        LstmCell cell = new LstmCell(D, H);
        List<double[]> p = init(cell, DataType.FLOAT32);
        double[] w = p.get(0), b = p.get(1);
        double[] x = randoms(random, B * D, 1), h = randoms(random, B * H, 1), c = randoms(random, B * H, 1);
        NDList out = cell.step(new ParameterStore(manager, false), array(x, new Shape(B, D), DataType.FLOAT32),
                new NDList(array(h, new Shape(B, H), DataType.FLOAT32), array(c, new Shape(B, H), DataType.FLOAT32)), false);
        double[] hOut = read(out.get(0)), cOut = read(out.get(1));
        for (int r = 0; r < B; r++) {
            double[] z = affine(w, b, concat(row(x, r, D), row(h, r, H)), 4 * H);
            for (int j = 0; j < H; j++) {
                double i = sigmoid(z[j]), f = sigmoid(z[H + j]), g = Math.tanh(z[2 * H + j]), o = sigmoid(z[3 * H + j]);
                double c2 = f * c[r * H + j] + i * g;
                assertEquals(c2, cOut[r * H + j], 1e-5, "c");
                assertEquals(o * Math.tanh(c2), hOut[r * H + j], 1e-5, "h");
            }
        }
    }

    @Test
    void lstmForgetBiasStartsAtOne() {
        LstmCell cell = new LstmCell(D, H, true);
        cell.initialize(manager, DataType.FLOAT32, new Shape(B, D));
        double[] b = read(cell.bias().getArray());
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0, 0, 0}, b, 0);
        LstmCell plain = new LstmCell(D, H, false);
        plain.initialize(manager, DataType.FLOAT32, new Shape(B, D));
        assertArrayEquals(new double[8], read(plain.bias().getArray()), 0);
    }

    @Test
    void rnnMatchesItsEquations() {
        RnnCell cell = new RnnCell(D, H);
        List<double[]> p = init(cell, DataType.FLOAT32);
        double[] x = randoms(random, B * D, 1), h = randoms(random, B * H, 1);
        NDList out = cell.step(new ParameterStore(manager, false), array(x, new Shape(B, D), DataType.FLOAT32),
                new NDList(array(h, new Shape(B, H), DataType.FLOAT32)), false);
        double[] hOut = read(out.get(0));
        for (int r = 0; r < B; r++) {
            double[] z = affine(p.get(0), p.get(1), concat(row(x, r, D), row(h, r, H)), H);
            for (int j = 0; j < H; j++) {
                assertEquals(Math.tanh(z[j]), hOut[r * H + j], 1e-5);
            }
        }
    }

    @Test
    void gruMatchesPyTorchEquations() {
        GruCell cell = new GruCell(D, H);
        List<double[]> p = init(cell, DataType.FLOAT32); // weight_ih, weight_hh, bias_ih, bias_hh
        double[] x = randoms(random, B * D, 1), h = randoms(random, B * H, 1);
        NDList out = cell.step(new ParameterStore(manager, false), array(x, new Shape(B, D), DataType.FLOAT32),
                new NDList(array(h, new Shape(B, H), DataType.FLOAT32)), false);
        double[] hOut = read(out.get(0));
        for (int r = 0; r < B; r++) {
            double[] gx = affine(p.get(0), p.get(2), row(x, r, D), 3 * H);
            double[] gh = affine(p.get(1), p.get(3), row(h, r, H), 3 * H);
            for (int j = 0; j < H; j++) {
                double rr = sigmoid(gx[j] + gh[j]), z = sigmoid(gx[H + j] + gh[H + j]);
                double n = Math.tanh(gx[2 * H + j] + rr * gh[2 * H + j]);
                assertEquals((1 - z) * n + z * h[r * H + j], hOut[r * H + j], 1e-5);
            }
        }
    }

    @Test
    void gruMatchesPyTorchReferenceNumbers() {
        // torch.nn.GRUCell(3, 2) in float64 with weights 0.1*(k % 7 - 3) for k = 0.. in parameter order,
        // x = [[0.5, -1, 2]], h = [[0.3, -0.2]] (numbers from Debian's python3-torch 1.13)
        GruCell cell = new GruCell(3, 2);
        cell.initialize(manager, DataType.FLOAT64, new Shape(1, 3));
        int k = 0;
        for (var p : cell.getParameters()) {
            NDArray a = p.getValue().getArray();
            double[] v = new double[(int) a.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = 0.1 * (k++ % 7 - 3);
            }
            fill(a, v);
        }
        NDList out = cell.step(new ParameterStore(manager, false), manager.create(new double[][] {{0.5, -1, 2}}),
                new NDList(manager.create(new double[][] {{0.3, -0.2}})), false);
        assertClose(GRU_TORCH, read(out.head()), 1e-12, "h'");
    }

    // filled from python3-torch (see gruMatchesPyTorchReferenceNumbers)
    private static final double[] GRU_TORCH = {-0.03035399386543841, -0.18114296133065474};

    @Test
    void cellGradientsMatchFiniteDifferences() {
        for (RecurrentCell cell : List.of(new LstmCell(D, H), new RnnCell(D, H), new GruCell(D, H))) {
            init(cell, DataType.FLOAT64);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = array(randoms(random, B * D, 1), new Shape(B, D), DataType.FLOAT64);
            NDList state = new NDList();
            for (int i = 0; i < cell.stateSize(); i++) {
                state.add(array(randoms(random, B * H, 1), new Shape(B, H), DataType.FLOAT64));
            }
            List<NDArray> wrt = new ArrayList<>();
            wrt.add(x);
            wrt.addAll(state);
            for (NDArray a : wrt) {
                a.setRequiresGradient(true);
            }
            for (var p : cell.getParameters()) {
                wrt.add(p.getValue().getArray());
            }
            // a loss that weighs every output element differently, over two steps (exercises the recurrence)
            NDArray weights = array(randoms(random, B * H, 1), new Shape(B, H), DataType.FLOAT64);
            checkGradients(() -> {
                NDList s1 = cell.step(ps, x, state, true);
                NDList s2 = cell.step(ps, x.mul(0.5), s1, true);
                NDArray loss = s2.get(0).mul(weights).sum();
                return cell.stateSize() == 2 ? loss.add(s2.get(1).mul(weights).sum().mul(0.3)) : loss;
            }, wrt, 1e-6, 1e-7);
        }
    }

    @Test
    void stackedCellEqualsLayersByHandAndDropsOutOnlyWhenTraining() {
        LstmCell l0 = new LstmCell(D, H);
        GruCell l1 = new GruCell(H, 4);
        StackedCell stack = new StackedCell(List.of(l0, l1), 0.5f);
        stack.initialize(manager, DataType.FLOAT32, new Shape(B, D));
        assertEquals(3, stack.stateSize());
        assertEquals(4, stack.hiddenSize());
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray x = array(randoms(random, B * D, 1), new Shape(B, D), DataType.FLOAT32);
        NDList zero = stack.zeroState(manager, B);
        NDList eval = stack.step(ps, x, zero, false);
        NDList s0 = l0.step(ps, x, zero.subNDList(0, 2), false);
        NDList s1 = l1.step(ps, s0.get(0), zero.subNDList(2), false);
        assertClose(read(s0.get(0)), read(eval.get(0)), 0, "h1");
        assertClose(read(s0.get(1)), read(eval.get(1)), 0, "c1");
        assertClose(read(s1.get(0)), read(eval.get(2)), 0, "h2");
        assertClose(read(s1.get(0)), read(stack.output(eval)), 0, "output is the top h");
        assertClose(read(eval.get(2)), read(stack.step(ps, x, zero, false).get(2)), 0, "eval is deterministic");
        boolean differs = false;
        for (int i = 0; i < 5 && !differs; i++) {
            differs = !java.util.Arrays.equals(read(stack.step(ps, x, zero, true).get(2)), read(eval.get(2)));
        }
        assertTrue(differs, "dropout between layers changes the top layer when training");
        assertThrows(IllegalArgumentException.class, () -> new StackedCell(List.of(new LstmCell(D, H), new LstmCell(5, H)), 0f));
    }

    @Test
    void embeddingLooksUpRows() {
        Embedding emb = new Embedding(5, 3);
        emb.initialize(manager, DataType.FLOAT32, new Shape(2, 2));
        double[] table = randoms(random, 15, 1);
        fill(emb.table().getArray(), table);
        NDArray ids = manager.create(new int[][] {{4, 0}, {2, 2}});
        NDArray out = emb.embed(new ParameterStore(manager, false), ids, false);
        assertEquals(new Shape(2, 2, 3), out.getShape());
        double[] got = read(out);
        int[] flat = {4, 0, 2, 2};
        for (int t = 0; t < 4; t++) {
            for (int e = 0; e < 3; e++) {
                assertEquals(table[flat[t] * 3 + e], got[t * 3 + e], 1e-7);
            }
        }
    }

    @Test
    void wrongInputWidthIsOneClearError() {
        LstmCell cell = new LstmCell(D, H);
        cell.initialize(manager, DataType.FLOAT32, new Shape(B, D));
        var e = assertThrows(IllegalArgumentException.class, () -> cell.step(new ParameterStore(manager, false),
                manager.zeros(new Shape(B, D + 1)), cell.zeroState(manager, B), false));
        assertTrue(e.getMessage().contains("(B, 3)"), e.getMessage());
    }

    @Test
    void parametersAreNamedAndShaped() {
        LstmCell cell = new LstmCell(D, H);
        cell.initialize(manager, DataType.FLOAT32, new Shape(B, D));
        Parameter w = cell.weight();
        assertEquals(new Shape(4 * H, D + H), w.getArray().getShape());
        assertEquals(new Shape[] {new Shape(B, H), new Shape(B, H)}.length, cell.getOutputShapes(new Shape[] {new Shape(B, D)}).length);
    }
}
