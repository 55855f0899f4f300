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
        NDArray w = ps.getValue(weight, x.getDevice(), training);
        NDArray b = ps.getValue(bias, x.getDevice(), training);
        NDArray xh = NDArrays.concat(new NDList(x, h), 1);         // (B, D+H)
        return fromGates(Linear.linear(xh, w, b).head(), state.get(1)); // gates (B, 4H)
    }

    /**
     * W's columns cut once per sequence into those of a leading input part x_0 (K columns) and the rest
     * ([x_1; h]), for inputs whose first part is known for every step in advance (teacher-forced words):
     * {@code W x_0 + b} then runs once on all steps ({@link Split#leadingGates}) and each step only multiplies
     * [x_1; h] ({@link Split#step}). Same gates as {@link #step} on [x_0; x_1] (up to float summation order).
     * Cut once, not per step: each slice adds one gradient copy of W to the backward pass.
     */
    public Split split(ParameterStore ps, int leadingColumns, ai.djl.Device device, boolean training) {
        if (leadingColumns <= 0 || leadingColumns >= inputSize()) {
            throw new IllegalArgumentException("LstmCell.split: leading columns must be in (0, " + inputSize() + "), got " + leadingColumns);
        }
        NDArray w = ps.getValue(weight, device, training);                          // (4H, D+H)
        NDArray b = ps.getValue(bias, device, training);                            // (4H)
        return new Split(w.get(":, :{}", leadingColumns), w.get(":, {}:", leadingColumns), b);
    }

    /** See {@link #split}. */
    public record Split(
            NDArray leading, // (4H, K) columns of x_0
            NDArray rest,    // (4H, D-K+H) columns of x_1, then h
            NDArray bias) {  // (4H)

        /** {@code W_0 x_0 + b} for any leading shape: x0 (..., K) -> (..., 4H). */
        public NDArray leadingGates(NDArray x0) {
            return Linear.linear(x0, leading, bias).head();
        }

        /** One step from precomputed {@code leadingGates} (B, 4H), x_1 (B, D-K) and state (h, c). */
        public NDList step(NDArray leadingGates, NDArray x1, NDList state) {
            NDArray xh = NDArrays.concat(new NDList(x1, state.get(0)), 1);          // (B, D-K+H)
            NDArray gates = leadingGates.add(Linear.linear(xh, rest).head());       // (B, 4H)
            return fromGates(gates, state.get(1));
        }
    }

    /**
     * The gate nonlinearities and the state update: gates (B, 4H) in the order i, f, g, o, c (B, H) -> (h', c').
     * Public for decoders that compute the gates themselves (e.g. h's share fused with other projections of h).
     */
    public static NDList fromGates(NDArray gates, NDArray c) {
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
