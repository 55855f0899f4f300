package dev.vlsuite.shared.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.vlsuite.shared.nn.NnTesting.*;
import static org.junit.jupiter.api.Assertions.*;

class SoftAttentionTest {
    private static final int B = 2, L = 4, D = 3, H = 2, A = 5;
    private NDManager manager;
    private final Random random = new Random(11);
    private SoftAttention att;
    private ParameterStore ps;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        att = new SoftAttention(D, H, A);
        att.initialize(manager, DataType.FLOAT64, new Shape(B, L, D), new Shape(B, H));
        for (var p : att.getParameters()) {
            fill(p.getValue().getArray(), randoms(random, (int) p.getValue().getArray().size(), 1));
        }
        ps = new ParameterStore(manager, false);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray rand(Shape s) {
        return manager.create(randoms(random, (int) s.size(), 1), s);
    }

    @Test
    void weightsSumToOneAndContextIsTheirWeightedSum() {
        NDArray feats = rand(new Shape(B, L, D)), h = rand(new Shape(B, H));
        SoftAttention.Attended a = att.attend(ps, feats, att.projectFeatures(ps, feats, false), h, null, false);
        assertEquals(new Shape(B, L), a.alpha().getShape());
        assertEquals(new Shape(B, D), a.context().getShape());
        double[] alpha = read(a.alpha()), f = read(feats), ctx = read(a.context());
        for (int b = 0; b < B; b++) {
            double sum = 0;
            for (int l = 0; l < L; l++) {
                assertTrue(alpha[b * L + l] > 0);
                sum += alpha[b * L + l];
            }
            assertEquals(1, sum, 1e-12);
            for (int d = 0; d < D; d++) {
                double expect = 0;
                for (int l = 0; l < L; l++) {
                    expect += alpha[b * L + l] * f[(b * L + l) * D + d];
                }
                assertEquals(expect, ctx[b * D + d], 1e-12);
            }
        }
    }

    @Test
    void scoresFollowTheAdditiveFormula() {
        NDArray feats = rand(new Shape(B, L, D)), h = rand(new Shape(B, H));
        SoftAttention.Attended a = att.attend(ps, feats, att.projectFeatures(ps, feats, false), h, null, false);
        List<double[]> p = new ArrayList<>();
        for (var prm : att.getParameters()) {
            p.add(read(prm.getValue().getArray())); // W_a, b_a, W_h, v
        }
        double[] f = read(feats), hh = read(h), e = read(a.scores());
        for (int b = 0; b < B; b++) {
            double[] ph = affine(p.get(2), null, row(hh, b, H), A);
            for (int l = 0; l < L; l++) {
                double[] pf = affine(p.get(0), p.get(1), row(f, b * L + l, D), A);
                double s = 0;
                for (int j = 0; j < A; j++) {
                    s += p.get(3)[j] * Math.tanh(pf[j] + ph[j]);
                }
                assertEquals(s, e[b * L + l], 1e-12);
            }
        }
    }

    @Test
    void maskedLocationsGetZeroWeight() {
        NDArray feats = rand(new Shape(B, L, D)), h = rand(new Shape(B, H));
        NDArray mask = manager.create(new float[][] {{1, 1, 0, 0}, {1, 0, 1, 1}});
        SoftAttention.Attended a = att.attend(ps, feats, att.projectFeatures(ps, feats, false), h, mask, false);
        double[] alpha = read(a.alpha());
        assertEquals(0, alpha[2]);
        assertEquals(0, alpha[3]);
        assertEquals(0, alpha[L + 1]);
        assertEquals(1, alpha[0] + alpha[1], 1e-12);
        // the masked rows' padding features do not change the context
        NDArray changed = feats.duplicate();
        changed.set(new ai.djl.ndarray.index.NDIndex("0, 2:"), 100.0);
        SoftAttention.Attended b = att.attend(ps, changed, att.projectFeatures(ps, changed, false), h, mask, false);
        assertClose(read(a.context()), read(b.context()), 1e-12, "context ignores padding");
    }

    @Test
    void blockForwardAndGradientsMatchFiniteDifferences() {
        NDArray feats = rand(new Shape(B, L, D)), h = rand(new Shape(B, H));
        NDList out = att.forward(ps, new NDList(feats, h), false);
        assertEquals(2, out.size());
        feats.setRequiresGradient(true);
        h.setRequiresGradient(true);
        List<NDArray> wrt = new ArrayList<>(List.of(feats, h));
        for (var p : att.getParameters()) {
            wrt.add(p.getValue().getArray());
        }
        NDArray w = rand(new Shape(B, D));
        checkGradients(() -> {
            SoftAttention.Attended a = att.attend(ps, feats, att.projectFeatures(ps, feats, true), h, null, true);
            return a.context().mul(w).sum().add(a.alpha().get(":, 0").sum());
        }, wrt, 1e-6, 1e-7);
    }
}
