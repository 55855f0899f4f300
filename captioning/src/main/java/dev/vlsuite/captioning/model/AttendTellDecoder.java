package dev.vlsuite.captioning.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.nn.decode.StepModel;
import dev.vlsuite.shared.nn.decode.StepResult;
import dev.vlsuite.shared.nn.decode.TensorState;

/**
 * A Show-Attend-Tell network seen one word at a time, for nn.decode.Decoding. The state is
 * {@code (h (R,H), c (R,H), grid (R,L,D), projected grid (R,L,A))}; each step also returns alpha (R, L).
 */
public final class AttendTellDecoder implements StepModel<TensorState> {
    private final ShowAttendTellNet net;
    private final ParameterStore ps;
    private final Glimpse glimpse;

    AttendTellDecoder(ShowAttendTellNet net, ParameterStore ps, Glimpse glimpse) {
        this.net = net;
        this.ps = ps;
        this.glimpse = glimpse;
    }

    /** inputs: grid (B, L, D). */
    @Override
    public TensorState start(NDList inputs) {
        NDArray grid = inputs.head();
        net.checkGrid(grid);
        NDList hc = net.initialState(ps, grid, false);                                   // 2 x (B, H)
        return TensorState.of(hc.get(0), hc.get(1), grid, net.projectFeatures(ps, grid, false));
    }

    @Override
    public StepResult<TensorState> step(TensorState state, NDArray prevTokens) {
        NDArray grid = state.get(2), projected = state.get(3);
        NDArray word = net.embed(ps, prevTokens, false);                                 // (R, E)
        ShowAttendTellNet.Step s = net.step(ps, grid, projected, word, state.get(0), state.get(1), glimpse, false);
        NDArray logProbs = net.deepOutput(ps, word, s.h(), s.context(), false);          // (R, V)
        NDArray alpha = s.attended().alpha();                                            // (R, L)
        return new StepResult<>(logProbs, TensorState.of(s.h(), s.c(), grid, projected), alpha);
    }
}
