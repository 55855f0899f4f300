package dev.vlsuite.shared.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * One time step of a recurrent network, called by a decoder loop that owns the state.
 *
 * <p>The state is an {@link NDList} of {@link #stateSize()} arrays, each {@code (B, H)}: {@code (h)} for
 * RNN/GRU, {@code (h, c)} for LSTM, the layers' states one after the other for a {@link StackedCell}.
 * {@link #output(NDList)} picks the array the next layer or the output projection reads (the top h).
 *
 * <p>Every cell is also a DJL {@link Block}: {@code forward(ps, (x, state...), training)} returns the new
 * state, and {@code initialize(manager, type, new Shape(B, inputSize))} only needs the input shape.
 */
public interface RecurrentCell extends Block {

    /** Advances one step: x {@code (B, D)}, state as above; returns the new state (same layout). */
    NDList step(ParameterStore ps, NDArray x, NDList state, boolean training);

    /** An all-zero state for {@code batch} rows, created in {@code manager}. */
    NDList zeroState(NDManager manager, long batch);

    /** Size of the output h. */
    int hiddenSize();

    /** Size of the input x. */
    int inputSize();

    /** How many arrays the state holds. */
    int stateSize();

    /** The array that is this cell's output at this step: h of the (top) layer, {@code (B, H)}. */
    default NDArray output(NDList state) {
        return state.get(0);
    }
}
