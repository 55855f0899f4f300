package dev.vlsuite.shared.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * What RNN, LSTM and GRU cells share: the Block plumbing around {@link #step}. Input to
 * {@code forward} is {@code (x, state...)}; a missing state means zeros.
 */
abstract class CellBlock extends AbstractBlock implements RecurrentCell {
    protected final int inputSize;
    protected final int hiddenSize;

    protected CellBlock(byte version, int inputSize, int hiddenSize) {
        super(version);
        if (inputSize <= 0 || hiddenSize <= 0) {
            throw new IllegalArgumentException("cell sizes must be positive: input " + inputSize + ", hidden " + hiddenSize);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList state = inputs.size() > 1 ? inputs.subNDList(1) : zeroStateLike(inputs.head());
        return step(ps, inputs.head(), state, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] out = new Shape[stateSize()];
        java.util.Arrays.fill(out, new Shape(inputShapes[0].get(0), hiddenSize));
        return out;
    }

    @Override
    public NDList zeroState(NDManager manager, long batch) {
        NDList state = new NDList(stateSize());
        for (int i = 0; i < stateSize(); i++) {
            state.add(manager.zeros(new Shape(batch, hiddenSize), DataType.FLOAT32)); // (B, H)
        }
        return state;
    }

    /** Zeros with x's manager, rows and data type. */
    protected NDList zeroStateLike(ai.djl.ndarray.NDArray x) {
        NDList state = new NDList(stateSize());
        for (int i = 0; i < stateSize(); i++) {
            state.add(x.getManager().zeros(new Shape(x.getShape().get(0), hiddenSize), x.getDataType())); // (B, H)
        }
        return state;
    }

    @Override
    public int hiddenSize() {
        return hiddenSize;
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    /** Checks the input width once per step: a wrong D otherwise fails deep inside matmul. */
    protected void checkInput(ai.djl.ndarray.NDArray x) {
        if (x.getShape().dimension() != 2 || x.getShape().get(1) != inputSize) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": x must be (B, " + inputSize + "), got " + x.getShape());
        }
    }
}
