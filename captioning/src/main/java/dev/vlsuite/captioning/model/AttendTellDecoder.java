package dev.vlsuite.captioning.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.nn.LstmCell;
import dev.vlsuite.shared.nn.SoftAttention;
import dev.vlsuite.shared.nn.decode.StepModel;
import dev.vlsuite.shared.nn.decode.StepResult;

/**
 * A Show-Attend-Tell network seen one word at a time, for nn.decode.Decoding: the same function as
 * {@link ShowAttendTellNet#step} followed by {@link ShowAttendTellNet#deepOutput} (equal up to float summation
 * order), arranged for inference speed:
 * <ul>
 *   <li>everything applied to h is one matmul right after the LSTM, {@code h [L_h; 2 W_h; f_beta; W_hh]^T}: the deep
 *       output uses the first part now, attention, gate and LSTM of the next step the rest;</li>
 *   <li>attention energies through sigmoid instead of tanh ({@link SoftAttention#groupedScores}), with the
 *       projected features doubled once per decode;</li>
 *   <li>the k rows of an input (beam search) share its features and projected features instead of k copies
 *       reordered every step ({@link AttendTellState}); attention energies are made in cache-sized chunks and
 *       freed at once ({@link SoftAttention#groupedScores});</li>
 *   <li>each step frees its intermediates when it returns, so memory is reused instead of growing by hundreds
 *       of megabytes per decode (fresh pages cost more than the arithmetic here).</li>
 * </ul>
 * Each step returns alpha (R, L).
 */
public final class AttendTellDecoder implements StepModel<AttendTellDecoder.AttendTellState> {
    private final ShowAttendTellNet net;
    private final ParameterStore ps;
    private final Glimpse glimpse;

    AttendTellDecoder(ShowAttendTellNet net, ParameterStore ps, Glimpse glimpse) {
        this.net = net;
        this.ps = ps;
        this.glimpse = glimpse;
    }

    /**
     * The decoder's weights for inference ({@link ShowAttendTellNet#decodeWeights}).
     *
     * @param hWeight (E+A+1+4H, H) rows L_h, 2 W_h, f_beta, the LSTM's h columns; hBias the matching biases (0 for W_h, LSTM)
     * @param xWeight (4H, E+D) the LSTM's [E y; z] columns; xBias the LSTM's bias
     */
    record Weights(NDArray hWeight, NDArray hBias, NDArray xWeight, NDArray xBias, NDArray zWeight, NDArray zBias,
                   NDArray outWeight, NDArray outBias, int embedSize, int attentionSize) {

        /** {@code h [L_h; 2 W_h; f_beta; W_hh]^T + b}: h (R, H) -> (R, E+A+1+4H). */
        NDArray projectH(NDArray h) {
            return Linear.linear(h, hWeight, hBias).head();
        }
    }

    /**
     * Decoding state. Per row: h, c (R, H) and hProj = {@link Weights#projectH}(h). Per input: grid (G, L, D) and twice
     * its attention projection (G, L, A), shared by the {@code rowsPerInput} consecutive rows of each input (R = G * rowsPerInput).
     */
    public record AttendTellState(NDArray h, NDArray c, NDArray hProj, NDArray grid, NDArray projected, int rowsPerInput,
                                  Weights weights) implements dev.vlsuite.shared.nn.decode.DecoderState<AttendTellState> {

        /**
         * Rows {@code rows}: the features are gathered only when the new rows stop forming equal runs per input
         * (greedy dropping finished rows); beam search's expansion and reordering within an input copy none.
         */
        @Override
        public AttendTellState select(NDArray rows) {
            long[] r = rows.toLongArray();
            int k = rowsPerInput;
            long inputs = grid.getShape().get(0);
            NDArray h2 = h.get(rows), c2 = c.get(rows), p2 = hProj.get(rows);
            // the input of each new row, and whether they come in runs of equal length over consecutive inputs
            int runs = 1;
            for (int i = 1; i < r.length; i++) {
                if (r[i] / k != r[i - 1] / k) {
                    runs++;
                }
            }
            int newK = r.length % runs == 0 ? r.length / runs : -1;
            boolean sameInputs = runs == inputs && newK > 0;
            for (int i = 0; sameInputs && i < r.length; i++) {
                sameInputs = r[i] / k == i / newK;
            }
            if (sameInputs) {
                return new AttendTellState(h2, c2, p2, grid, projected, newK, weights);
            }
            long[] gridRows = new long[r.length];
            for (int i = 0; i < r.length; i++) {
                gridRows[i] = r[i] / k;
            }
            try (NDArray g = rows.getManager().create(gridRows)) {
                return new AttendTellState(h2, c2, p2, grid.get(g), projected.get(g), 1, weights);
            }
        }
    }

    /** inputs: grid (B, L, D). */
    @Override
    public AttendTellState start(NDList inputs) {
        NDArray grid = inputs.head();
        net.checkGrid(grid);
        Weights w = net.decodeWeights(ps, grid.getManager());
        NDList hc = net.initialState(ps, grid, false);                                     // 2 x (B, H)
        NDArray projected2;
        try (NDArray projected = net.projectFeatures(ps, grid, false)) {
            projected2 = projected.mul(2f);                                                // exact: 2 W_a a + 2 b_a
        }
        return new AttendTellState(hc.get(0), hc.get(1), w.projectH(hc.get(0)), grid, projected2, 1, w);
    }

    @Override
    public StepResult<AttendTellState> step(AttendTellState state, NDArray prevTokens) {
        NDManager keep = prevTokens.getManager();
        try (NDManager tmp = keep.newSubManager()) {
            // derived arrays land in their first operand's manager: route this step's intermediates to tmp
            NDList in = new NDList(state.h(), state.c(), state.hProj(), state.grid(), state.projected(), prevTokens);
            in.tempAttach(tmp);
            Weights w = state.weights();
            int e = w.embedSize(), a = w.attentionSize(), k = state.rowsPerInput();
            NDArray word = net.embed(ps, prevTokens, false);                                 // (R, E)
            NDArray hp = state.hProj();                                                      // (R, E+A+1+4H) of h_{t-1}
            NDArray scores = net.attention().groupedScores(ps, state.projected(), hp.get(":, {}:{}", e, e + a), k); // (R, L)
            NDArray alpha = scores.softmax(1);                                               // (R, L)
            NDArray weights = switch (glimpse) {
                case EXPECTED -> alpha;
                // as HardAttention.argmax: the most likely cell of log alpha
                case MOST_LIKELY -> scores.logSoftmax(1).argMax(1).oneHot((int) scores.getShape().get(1))
                        .toType(alpha.getDataType(), false);
                case SAMPLED -> throw new IllegalStateException("decoding never samples the glimpse");
            };
            NDArray gate = Activation.sigmoid(hp.get(":, {}:{}", e + a, e + a + 1));         // (R, 1) beta
            NDArray z = SoftAttention.groupedContext(weights, state.grid(), k).mul(gate);     // (R, D)
            NDArray gates = Linear.linear(word.concat(z, 1), w.xWeight(), w.xBias()).head()
                    .add(hp.get(":, {}:", e + a + 1));                                       // (R, 4H)
            NDList hc = LstmCell.fromGates(gates, state.c());                                // 2 x (R, H)
            NDArray hpNext = w.projectH(hc.get(0));                                          // (R, E+A+1+4H)
            NDArray deep = word.add(hpNext.get(":, :{}", e)).add(Linear.linear(z, w.zWeight(), w.zBias()).head()).tanh();
            NDArray logProbs = Linear.linear(deep, w.outWeight(), w.outBias()).head().logSoftmax(-1); // (R, V)
            NDList out = new NDList(logProbs, hc.get(0), hc.get(1), hpNext, alpha);
            out.attach(keep);
            return new StepResult<>(logProbs, new AttendTellState(hc.get(0), hc.get(1), hpNext, state.grid(), state.projected(),
                    k, w), alpha);
        }
    }
}
