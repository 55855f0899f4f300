package dev.vlsuite.shared.nn.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class DecodingTest {
    private static final int V = 6, END = 0, START = 1, L = 3;
    private static final DecodeOptions OPTS = new DecodeOptions(START, END, 7);
    private NDManager manager;
    private MarkovStepModel model;
    private NDArray inputs; // (B, V)

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        Random r = new Random(3);
        double[][] t = new double[V][V];
        for (double[] row : t) {
            for (int j = 0; j < V; j++) {
                row[j] = r.nextGaussian() * 2;
            }
        }
        double[][] mw = new double[V][V];
        for (double[] row : mw) {
            for (int j = 0; j < V; j++) {
                row[j] = r.nextGaussian() * 2;
            }
        }
        model = new MarkovStepModel(MarkovStepModel.logits(manager, t), MarkovStepModel.logits(manager, mw), L);
        double[][] bias = new double[4][V];
        for (double[] row : bias) {
            for (int j = 0; j < V; j++) {
                row[j] = r.nextGaussian();
            }
        }
        inputs = manager.create(bias).toType(DataType.FLOAT32, false);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void beamOfOneEqualsGreedy() {
        List<List<Hypothesis>> greedy = Decoding.greedy(model, new NDList(inputs), OPTS);
        List<List<Hypothesis>> beam = Decoding.beam(model, new NDList(inputs), OPTS, 1, 0f);
        assertEquals(4, greedy.size());
        for (int b = 0; b < 4; b++) {
            Hypothesis g = greedy.get(b).get(0), k = beam.get(b).get(0);
            assertArrayEquals(g.tokens(), k.tokens(), "input " + b);
            assertEquals(g.score(), k.score(), 1e-6f);
            assertArrayEquals(g.tokenLogProbs(), k.tokenLogProbs(), 1e-6f);
            assertEquals(g.finished(), k.finished());
            assertEquals(g.tokens().length, g.attention().length);
            for (int i = 0; i < g.tokens().length; i++) {
                assertArrayEquals(g.attention()[i], k.attention()[i], 1e-6f);
            }
        }
    }

    @Test
    void beamHypothesesAreSortedAndScoredConsistently() {
        for (float alpha : new float[] {0f, 0.7f}) {
            List<List<Hypothesis>> beam = Decoding.beam(model, new NDList(inputs), OPTS, 3, alpha);
            for (List<Hypothesis> hyps : beam) {
                assertTrue(hyps.size() >= 1 && hyps.size() <= 3);
                for (int i = 1; i < hyps.size(); i++) {
                    assertTrue(hyps.get(i - 1).score() >= hyps.get(i).score(), "sorted by score");
                }
                for (Hypothesis h : hyps) {
                    assertEquals(h.logProb() / Decoding.penalty(h.tokens().length, alpha), h.score(), 1e-5);
                    assertEquals(h.finished(), h.tokens()[h.tokens().length - 1] == END);
                    assertTrue(h.tokens().length <= OPTS.maxLength());
                }
            }
        }
    }

    @Test
    void batchedBeamEqualsOneInputAtATimeInOneStepCallPerStep() {
        List<List<Hypothesis>> batched = Decoding.beam(model, new NDList(inputs), OPTS, 3, 0.7f);
        assertEquals(4 * 3, model.rowsSeen, "all B*K rows in one step call");
        for (int b = 0; b < 4; b++) {
            List<Hypothesis> single = Decoding.beam(model, new NDList(inputs.get(b + ":" + (b + 1))), OPTS, 3, 0.7f).get(0);
            assertEquals(single.size(), batched.get(b).size());
            for (int i = 0; i < single.size(); i++) {
                assertArrayEquals(single.get(i).tokens(), batched.get(b).get(i).tokens());
                assertEquals(single.get(i).score(), batched.get(b).get(i).score(), 1e-6f);
            }
        }
    }

    @Test
    void wideBeamRanksEverySequenceLikeExhaustiveSearch() {
        // a beam as wide as the whole space must return every sequence, scored and ranked exactly
        DecodeOptions opts = new DecodeOptions(START, END, 3);
        List<int[]> all = allSequences(3);
        List<List<Hypothesis>> beam = Decoding.beam(model, new NDList(inputs), opts, V * V * V, 0f);
        for (int b = 0; b < 4; b++) {
            double[] scores = teacherForcedScores(b, all);
            Integer[] order = new Integer[all.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (x, y) -> Double.compare(scores[y], scores[x]));
            List<Hypothesis> got = beam.get(b);
            assertEquals(all.size(), got.size(), "input " + b);
            for (int i = 0; i < 20; i++) {
                assertArrayEquals(all.get(order[i]), got.get(i).tokens(), "input " + b + " rank " + i);
                assertEquals(scores[order[i]], got.get(i).score(), 1e-4);
            }
        }
    }

    @Test
    void beamBeatsMyopicGreedy() {
        // from START: token 2 is likeliest (0.5) but then every continuation is poor; token 3 (0.4) leads to END surely
        double[][] t = new double[V][V];
        for (double[] row : t) {
            java.util.Arrays.fill(row, -20);
        }
        t[START][2] = Math.log(0.5);
        t[START][3] = Math.log(0.4);
        t[START][4] = Math.log(0.1);
        for (int j = 0; j < V; j++) {
            t[2][j] = 0; // uniform: log(1/6) per step
        }
        t[3][END] = 0;
        MarkovStepModel myopic = new MarkovStepModel(MarkovStepModel.logits(manager, t), null, L);
        NDArray one = manager.zeros(new Shape(1, V));
        Hypothesis greedy = Decoding.greedy(myopic, new NDList(one), OPTS).get(0).get(0);
        Hypothesis beam = Decoding.beam(myopic, new NDList(one), OPTS, 2, 0f).get(0).get(0);
        assertEquals(2, greedy.tokens()[0]);
        assertArrayEquals(new int[] {3, END}, beam.tokens());
        assertTrue(beam.score() > greedy.score() + 1, beam + " vs " + greedy);
    }

    @Test
    void samplingNearZeroTemperatureIsGreedyAndAtOneFollowsTheModel() {
        List<List<Hypothesis>> greedy = Decoding.greedy(model, new NDList(inputs), OPTS);
        List<List<Hypothesis>> cold = Decoding.sample(model, new NDList(inputs), OPTS, 1e-4f, 42);
        for (int b = 0; b < 4; b++) {
            assertArrayEquals(greedy.get(b).get(0).tokens(), cold.get(b).get(0).tokens());
        }
        // T = 1: first-token frequencies over 4000 rows match the model's distribution
        int n = 4000;
        NDArray same = inputs.get("0:1").repeat(0, n);                                   // (n, V)
        List<List<Hypothesis>> samples = Decoding.sample(model, new NDList(same), new DecodeOptions(START, END, 1), 1f, 7);
        double[] p = new double[V];
        double[] lp = markovLogProbs(0)[START];
        int[] counts = new int[V];
        for (List<Hypothesis> s : samples) {
            counts[s.get(0).tokens()[0]]++;
            assertFalse(s.get(0).tokens().length > 1);
        }
        for (int v = 0; v < V; v++) {
            p[v] = Math.exp(lp[v]);
            assertEquals(p[v], counts[v] / (double) n, 0.025, "token " + v);
        }
        // reproducible with the same seed, different with another
        List<List<Hypothesis>> a = Decoding.sample(model, new NDList(inputs), OPTS, 1f, 5);
        List<List<Hypothesis>> b = Decoding.sample(model, new NDList(inputs), OPTS, 1f, 5);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(a.get(i).get(0).tokens(), b.get(i).get(0).tokens());
        }
    }

    @Test
    void nothingLeaksIntoTheCallersManagerAndInputsSurvive() {
        int before = manager.getManagedArrays().size();
        Decoding.beam(model, new NDList(inputs), OPTS, 3, 0.7f);
        Decoding.greedy(model, new NDList(inputs), OPTS);
        Decoding.sample(model, new NDList(inputs), OPTS, 1f, 1);
        assertEquals(before, manager.getManagedArrays().size());
        assertEquals(new Shape(4, V), inputs.getShape());
        assertEquals(manager, inputs.getManager());
        assertTrue(Float.isFinite(inputs.sum().getFloat()));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DecodeOptions(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Decoding.beam(model, new NDList(inputs), OPTS, 0, 0f));
        assertThrows(IllegalArgumentException.class, () -> Decoding.sample(model, new NDList(inputs), OPTS, -1f, 0));
    }

    /** Log-probability of each sequence under the model for input b, by feeding its tokens (all in one batch). */
    private double[] teacherForcedScores(int b, List<int[]> seqs) {
        int n = seqs.size();
        double[] total = new double[n];
        try (NDManager s = manager.newSubManager()) {
            TensorState st = model.start(new NDList(inputs.get(b + ":" + (b + 1)).repeat(0, n)));
            long[] prev = new long[n];
            java.util.Arrays.fill(prev, START);
            for (int t = 0; t < 3; t++) {
                StepResult<TensorState> res = model.step(st, s.create(prev));
                float[] lp = res.logProbs().toFloatArray();
                for (int i = 0; i < n; i++) {
                    int[] seq = seqs.get(i);
                    if (t < seq.length) {
                        total[i] += lp[i * V + seq[t]];
                        prev[i] = seq[t];
                    }
                }
                st = res.state();
            }
        }
        return total;
    }

    /** The toy model's log p(next | prev) for input b at the first step, on the host. */
    private double[][] markovLogProbs(int b) {
        try (NDManager s = manager.newSubManager()) {
            NDArray all = s.arange(V).toType(DataType.INT64, false);
            TensorState st = model.start(new NDList(inputs.get(b + ":" + (b + 1)).repeat(0, V)));
            float[] lp = model.step(st, all).logProbs().toFloatArray();
            double[][] out = new double[V][V];
            for (int i = 0; i < V; i++) {
                for (int j = 0; j < V; j++) {
                    out[i][j] = lp[i * V + j];
                }
            }
            return out;
        }
    }

    /** Every sequence the decoder can emit within maxLen: ends with END, or is maxLen long without it. */
    private static List<int[]> allSequences(int maxLen) {
        List<int[]> out = new ArrayList<>();
        extend(new int[0], maxLen, out);
        return out;
    }

    private static void extend(int[] prefix, int maxLen, List<int[]> out) {
        for (int tok = 0; tok < V; tok++) {
            int[] seq = java.util.Arrays.copyOf(prefix, prefix.length + 1);
            seq[prefix.length] = tok;
            if (tok == END || seq.length == maxLen) {
                out.add(seq);
            } else {
                extend(seq, maxLen, out);
            }
        }
    }
}
