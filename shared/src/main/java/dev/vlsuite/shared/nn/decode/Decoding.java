package dev.vlsuite.shared.nn.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Greedy decoding, sampling with temperature and batched beam search over any {@link StepModel}.
 *
 * <p>Every method returns one list per input, best first. Each call runs in its own NDManager scope: the
 * inputs are attached to it temporarily, everything derived from them is freed when the call returns, and
 * the inputs go back to their manager. Log-probabilities and attention are copied to the host each step
 * (needed anyway to know which rows ended); the model's {@code logProbs} arrays are closed after reading.
 */
public final class Decoding {
    private Decoding() {}

    /** Most likely token at every step; one hypothesis per input. */
    public static <S extends DecoderState<S>> List<List<Hypothesis>> greedy(StepModel<S> model, NDList inputs, DecodeOptions options) {
        return rowWise(model, inputs, options, logProbs -> logProbs.argMax(1).toLongArray());
    }

    /**
     * One sample per input from softmax(logProbs / temperature) at every step. Temperature 0 is greedy;
     * the seed makes the draw reproducible (the randomness is on the host, independent of the engine's RNG).
     * Token log-probabilities and scores are those of the model (temperature 1).
     */
    public static <S extends DecoderState<S>> List<List<Hypothesis>> sample(StepModel<S> model, NDList inputs, DecodeOptions options,
                                                                            float temperature, long seed) {
        if (!(temperature >= 0)) {
            throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        }
        if (temperature == 0f) {
            return greedy(model, inputs, options);
        }
        Random random = new Random(seed);
        return rowWise(model, inputs, options, logProbs -> {
            int rows = (int) logProbs.getShape().get(0);
            int vocab = (int) logProbs.getShape().get(1);
            float[] lp = logProbs.toType(DataType.FLOAT32, false).toFloatArray();
            long[] picked = new long[rows];
            double[] p = new double[vocab];
            for (int r = 0; r < rows; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int v = 0; v < vocab; v++) {
                    max = Math.max(max, lp[r * vocab + v]);
                }
                double total = 0;
                for (int v = 0; v < vocab; v++) {
                    p[v] = Math.exp((lp[r * vocab + v] - max) / temperature); // tempered, unnormalised
                    total += p[v];
                }
                double u = random.nextDouble() * total;
                int v = 0;
                while (v < vocab - 1 && (u -= p[v]) >= 0) {
                    v++;
                }
                picked[r] = v;
            }
            return picked;
        });
    }

    /** Chooses one token per row from (R, V) log-probabilities. */
    private interface TokenPicker {
        long[] pick(NDArray logProbs);
    }

    /** Greedy and sampling: one row per input; rows that emitted the end token are dropped from the state. */
    private static <S extends DecoderState<S>> List<List<Hypothesis>> rowWise(StepModel<S> model, NDList inputs,
                                                                             DecodeOptions options, TokenPicker picker) {
        NDManager scope = inputs.head().getManager().newSubManager();
        try (scope) {
            inputs.tempAttach(scope);
            S state = model.start(inputs);
            int batch = (int) inputs.head().getShape().get(0);
            List<History> history = new ArrayList<>();
            for (int b = 0; b < batch; b++) {
                history.add(History.EMPTY);
            }
            boolean[] finished = new boolean[batch];
            int[] inputOf = new int[batch]; // active row -> input index
            for (int b = 0; b < batch; b++) {
                inputOf[b] = b;
            }
            long[] prev = new long[batch];
            java.util.Arrays.fill(prev, options.startToken());
            for (int t = 0; t < options.maxLength() && inputOf.length > 0; t++) {
                StepResult<S> res = model.step(state, scope.create(prev));
                long[] tokens;
                float[] tokenLp;
                try (NDArray logProbs = res.logProbs()) {
                    tokens = picker.pick(logProbs);
                    try (NDArray idx = scope.create(tokens).expandDims(1);
                         NDArray chosen = logProbs.gather(idx, 1)) {                          // (R, 1)
                        tokenLp = chosen.toType(DataType.FLOAT32, false).toFloatArray();
                    }
                }
                float[][] attention = readRows(res.attention(), inputOf.length);
                List<Integer> keep = new ArrayList<>();
                for (int r = 0; r < inputOf.length; r++) {
                    int b = inputOf[r];
                    history.set(b, history.get(b).append((int) tokens[r], tokenLp[r], attention == null ? null : attention[r]));
                    if (tokens[r] == options.endToken()) {
                        finished[b] = true;
                    } else {
                        keep.add(r);
                    }
                }
                state = res.state();
                if (keep.size() < inputOf.length) {
                    long[] rows = keep.stream().mapToLong(Integer::longValue).toArray();
                    int[] nextInputOf = new int[rows.length];
                    long[] nextPrev = new long[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        nextInputOf[i] = inputOf[(int) rows[i]];
                        nextPrev[i] = tokens[(int) rows[i]];
                    }
                    if (rows.length > 0) {
                        state = state.select(scope.create(rows));
                    }
                    inputOf = nextInputOf;
                    prev = nextPrev;
                } else {
                    prev = tokens;
                }
            }
            List<List<Hypothesis>> out = new ArrayList<>();
            for (int b = 0; b < batch; b++) {
                out.add(List.of(history.get(b).toHypothesis(1f, finished[b])));
            }
            return out;
        }
    }

    /**
     * Beam search of width {@code beamSize}, batched: all B*K rows go through one {@code step} call.
     * Hypotheses are extended by raw log-probability sums; finished ones are ranked by
     * {@code sum / lp(len)} with the GNMT length penalty {@code lp = ((5 + len) / 6)^lengthPenalty}
     * (0 = plain sums, which favour short outputs; ~0.7 is usual). An input stops when it holds
     * {@code beamSize} finished hypotheses; at maxLength its live beams are added unfinished.
     * With beamSize 1 the result equals {@link #greedy}.
     *
     * @return per input, up to beamSize hypotheses sorted by score, best first
     */
    public static <S extends DecoderState<S>> List<List<Hypothesis>> beam(StepModel<S> model, NDList inputs, DecodeOptions options,
                                                                          int beamSize, float lengthPenalty) {
        if (beamSize < 1) {
            throw new IllegalArgumentException("beamSize must be >= 1, got " + beamSize);
        }
        if (lengthPenalty < 0) {
            throw new IllegalArgumentException("lengthPenalty must be >= 0, got " + lengthPenalty);
        }
        final int k = beamSize;
        NDManager scope = inputs.head().getManager().newSubManager();
        try (scope) {
            inputs.tempAttach(scope);
            final int batch = (int) inputs.head().getShape().get(0);
            final int rows = batch * k;
            long[] expand = new long[rows];                     // row b*K+j starts as input b
            for (int r = 0; r < rows; r++) {
                expand[r] = r / k;
            }
            S state = model.start(inputs).select(scope.create(expand));
            float[] beamScore = new float[rows];                // raw log-prob sums; -inf = dead row
            for (int r = 0; r < rows; r++) {
                beamScore[r] = r % k == 0 ? 0f : Float.NEGATIVE_INFINITY; // one live beam per input at first
            }
            History[] history = new History[rows];
            java.util.Arrays.fill(history, History.EMPTY);
            List<List<Hypothesis>> done = new ArrayList<>();
            boolean[] complete = new boolean[batch];
            for (int b = 0; b < batch; b++) {
                done.add(new ArrayList<>());
            }
            long[] prev = new long[rows];
            java.util.Arrays.fill(prev, options.startToken());

            for (int t = 0; t < options.maxLength(); t++) {
                StepResult<S> res = model.step(state, scope.create(prev));
                int vocab = (int) res.logProbs().getShape().get(1);
                int cand = Math.min(2 * k, k * vocab);
                float[] candScore;
                long[] candIndex;
                float[] candLp;
                try (NDManager stepScope = scope.newSubManager()) {
                    NDArray logProbs = res.logProbs();
                    logProbs.attach(stepScope);
                    NDArray total = logProbs.add(stepScope.create(beamScore).toType(logProbs.getDataType(), false)
                            .expandDims(1));                                                        // (R, V)
                    NDList top = total.reshape(batch, (long) k * vocab).topK(cand, 1, true, true);   // 2 x (B, 2K)
                    candScore = top.get(0).toType(DataType.FLOAT32, false).toFloatArray();
                    candIndex = top.get(1).toType(DataType.INT64, false).toLongArray();
                    candLp = logProbs.reshape(batch, (long) k * vocab).gather(top.get(1), 1)         // (B, 2K)
                            .toType(DataType.FLOAT32, false).toFloatArray();
                }
                float[][] attention = readRows(res.attention(), rows);

                long[] parent = new long[rows];
                long[] nextToken = new long[rows];
                float[] nextScore = new float[rows];
                History[] nextHistory = new History[rows];
                for (int b = 0; b < batch; b++) {
                    int live = 0;
                    if (!complete[b]) {
                        for (int j = 0; j < cand && live < k; j++) {
                            int c = b * cand + j;
                            if (candScore[c] == Float.NEGATIVE_INFINITY) {
                                break;
                            }
                            int from = b * k + (int) (candIndex[c] / vocab);
                            int token = (int) (candIndex[c] % vocab);
                            History h = history[from].append(token, candLp[c], attention == null ? null : attention[from]);
                            if (token == options.endToken()) {
                                if (j < k) {                                    // only ends ranked within the beam count
                                    done.get(b).add(h.toHypothesis(penalty(h.length, lengthPenalty), true));
                                }
                                continue;
                            }
                            int row = b * k + live++;
                            parent[row] = from;
                            nextToken[row] = token;
                            nextScore[row] = candScore[c];
                            nextHistory[row] = h;
                        }
                        // stop only when no live beam can still beat the k-th best finished one: raw sums only fall,
                        // and the length penalty favours a live beam at most by lp(maxLength)
                        float bestLive = live > 0 ? nextScore[b * k] / penalty(options.maxLength(), lengthPenalty)
                                : Float.NEGATIVE_INFINITY;
                        if (done.get(b).size() >= k && kthBest(done.get(b), k) >= bestLive) {
                            complete[b] = true;
                            live = 0;
                        }
                    }
                    for (int j = live; j < k; j++) {                            // dead rows keep running, unseen
                        int row = b * k + j;
                        parent[row] = b * k;
                        nextToken[row] = options.endToken();
                        nextScore[row] = Float.NEGATIVE_INFINITY;
                        nextHistory[row] = History.EMPTY;
                    }
                }
                beamScore = nextScore;
                history = nextHistory;
                prev = nextToken;
                boolean allComplete = true;
                for (int b = 0; b < batch; b++) {
                    allComplete &= complete[b] || beamScore[b * k] == Float.NEGATIVE_INFINITY;
                }
                if (allComplete) {
                    break;
                }
                state = res.state().select(scope.create(parent));
            }
            List<List<Hypothesis>> out = new ArrayList<>();
            for (int b = 0; b < batch; b++) {
                List<Hypothesis> hyps = done.get(b);
                if (!complete[b]) {
                    for (int j = 0; j < k; j++) {
                        int row = b * k + j;
                        if (beamScore[row] != Float.NEGATIVE_INFINITY) {
                            hyps.add(history[row].toHypothesis(penalty(history[row].length, lengthPenalty), false));
                        }
                    }
                }
                hyps.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
                out.add(List.copyOf(hyps.subList(0, Math.min(k, hyps.size()))));
            }
            return out;
        }
    }

    /** The k-th highest score among finished hypotheses (k <= hyps.size()). */
    private static float kthBest(List<Hypothesis> hyps, int k) {
        float[] scores = new float[hyps.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = hyps.get(i).score();
        }
        java.util.Arrays.sort(scores);
        return scores[scores.length - k];
    }

    /** GNMT length penalty (Wu et al. 2016): ((5 + len) / 6)^alpha. */
    static float penalty(int length, float alpha) {
        return alpha == 0f ? 1f : (float) Math.pow((5.0 + length) / 6.0, alpha);
    }

    /** (R, L) attention to host rows, or null. Closes the array. */
    private static float[][] readRows(NDArray attention, int rows) {
        if (attention == null) {
            return null;
        }
        try (attention) {
            int l = (int) (attention.size() / rows);
            float[] flat = attention.toType(DataType.FLOAT32, false).toFloatArray();
            float[][] out = new float[rows][];
            for (int r = 0; r < rows; r++) {
                out[r] = java.util.Arrays.copyOfRange(flat, r * l, (r + 1) * l);
            }
            return out;
        }
    }

    /** An emitted prefix, shared between beams (persistent list, newest token first). */
    private record History(int token, float logProb, float[] attention, History previous, int length) {
        static final History EMPTY = new History(-1, 0f, null, null, 0);

        History append(int tok, float lp, float[] att) {
            return new History(tok, lp, att, this, length + 1);
        }

        Hypothesis toHypothesis(float lengthPenalty, boolean finished) {
            int[] tokens = new int[length];
            float[] lps = new float[length];
            float[][] att = new float[length][];
            boolean hasAttention = false;
            float sum = 0f;
            History h = this;
            for (int i = length - 1; i >= 0; i--, h = h.previous) {
                tokens[i] = h.token;
                lps[i] = h.logProb;
                att[i] = h.attention;
                hasAttention |= h.attention != null;
            }
            for (float lp : lps) {
                sum += lp;
            }
            return new Hypothesis(tokens, sum / lengthPenalty, lps, hasAttention ? att : null, finished);
        }
    }
}
