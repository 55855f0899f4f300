package dev.vlsuite.shared.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * Vanilla (Elman) RNN cell: {@code h' = tanh(W_xh x + W_hh h + b)}, computed as one matmul
 * {@code W [x; h] + b} with {@code W = [W_xh, W_hh]} of shape (H, D+H). State {@code (h)}.
 */
public final class RnnCell extends CellBlock {
    private static final byte VERSION = 1;

    private final Parameter weight; // [W_xh, W_hh] (H, D+H)
    private final Parameter bias;   // b (H)

    public RnnCell(int inputSize, int hiddenSize) {
        super(VERSION, inputSize, hiddenSize);
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(hiddenSize, inputSize + hiddenSize)).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(hiddenSize)).build());
    }

    @Override
    public NDList step(ParameterStore ps, NDArray x, NDList state, boolean training) {
        checkInput(x);
        NDArray h = state.get(0);                                                  // (B, H)
        NDArray xh = NDArrays.concat(new NDList(x, h), 1);                         // (B, D+H)
        NDArray pre = Linear.linear(xh, ps.getValue(weight, x.getDevice(), training),
                ps.getValue(bias, x.getDevice(), training)).head();                // (B, H)
        return new NDList(pre.tanh());
    }

    @Override
    public int stateSize() {
        return 1;
    }

    /** [W_xh, W_hh], shape (H, D+H): columns x then h. */
    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }
}
