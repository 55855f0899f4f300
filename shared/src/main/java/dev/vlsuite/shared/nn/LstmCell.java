package dev.vlsuite.shared.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

/**
 * LSTM cell (Hochreiter &amp; Schmidhuber; the gate layout of PyTorch's LSTMCell):
 * <pre>
 *   [i; f; g; o] = W [x; h] + b          one matmul for all four gates, W (4H, D+H)
 *   i, f, o = sigmoid(.), g = tanh(.)
 *   c' = f * c + i * g
 *   h' = o * tanh(c')
 * </pre>
 * State {@code (h, c)}. With {@code forgetBias1} the f slice of b starts at 1 (Jozefowicz et al. 2015),
 * so early training does not forget everything.
 */
public final class LstmCell extends CellBlock {
    private static final byte VERSION = 1;

    private final Parameter weight; // W (4H, D+H), rows i, f, g, o
    private final Parameter bias;   // b (4H)

    public LstmCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true);
    }

    public LstmCell(int inputSize, int hiddenSize, boolean forgetBias1) {
        super(VERSION, inputSize, hiddenSize);
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(4L * hiddenSize, inputSize + hiddenSize)).build());
        Parameter.Builder b = Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(4L * hiddenSize));
        if (forgetBias1) {
            b.optInitializer(forgetGateOnes(hiddenSize));
        }
        bias = addParameter(b.build());
    }

    private static Initializer forgetGateOnes(int hidden) {
        return (NDManager m, Shape shape, DataType type) -> {
            float[] v = new float[4 * hidden];
            java.util.Arrays.fill(v, hidden, 2 * hidden, 1f); // the f slice
            return m.create(v).toType(type, false);
        };
    }

    @Override
    public NDList step(ParameterStore ps, NDArray x, NDList state, boolean training) {
        checkInput(x);
        NDArray h = state.get(0); // (B, H)
        NDArray c = state.get(1); // (B, H)
        NDArray w = ps.getValue(weight, x.getDevice(), training);
        NDArray b = ps.getValue(bias, x.getDevice(), training);
        NDArray xh = NDArrays.concat(new NDList(x, h), 1);         // (B, D+H)
        NDArray gates = Linear.linear(xh, w, b).head();            // (B, 4H)
        NDList g = gates.split(4, 1);                              // 4 x (B, H)
        NDArray i = Activation.sigmoid(g.get(0));
        NDArray f = Activation.sigmoid(g.get(1));
        NDArray gg = g.get(2).tanh();
        NDArray o = Activation.sigmoid(g.get(3));
        NDArray cNext = f.mul(c).add(i.mul(gg));                   // (B, H)
        NDArray hNext = o.mul(cNext.tanh());                       // (B, H)
        return new NDList(hNext, cNext);
    }

    @Override
    public int stateSize() {
        return 2;
    }

    /** W, shape (4H, D+H), gate rows in the order i, f, g, o; columns x then h. */
    public Parameter weight() {
        return weight;
    }

    /** b, shape (4H). */
    public Parameter bias() {
        return bias;
    }
}
