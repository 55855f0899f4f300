package dev.vlsuite.shared.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * GRU cell with PyTorch's equations (Cho et al. 2014, reset applied after the h matmul):
 * <pre>
 *   [r; z; n]_x = W_ih x + b_ih,  [r; z; n]_h = W_hh h + b_hh
 *   r = sigmoid(r_x + r_h),  z = sigmoid(z_x + z_h)
 *   n = tanh(n_x + r * n_h)
 *   h' = (1 - z) * n + z * h
 * </pre>
 * Two matmuls (x and h kept apart because r multiplies only the h part of n). State {@code (h)}.
 */
public final class GruCell extends CellBlock {
    private static final byte VERSION = 1;

    private final Parameter weightIh; // W_ih (3H, D), rows r, z, n
    private final Parameter weightHh; // W_hh (3H, H)
    private final Parameter biasIh;   // b_ih (3H)
    private final Parameter biasHh;   // b_hh (3H)

    public GruCell(int inputSize, int hiddenSize) {
        super(VERSION, inputSize, hiddenSize);
        weightIh = addParameter(Parameter.builder().setName("weight_ih").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(3L * hiddenSize, inputSize)).build());
        weightHh = addParameter(Parameter.builder().setName("weight_hh").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(3L * hiddenSize, hiddenSize)).build());
        biasIh = addParameter(Parameter.builder().setName("bias_ih").setType(Parameter.Type.BIAS)
                .optShape(new Shape(3L * hiddenSize)).build());
        biasHh = addParameter(Parameter.builder().setName("bias_hh").setType(Parameter.Type.BIAS)
                .optShape(new Shape(3L * hiddenSize)).build());
    }

    @Override
    public NDList step(ParameterStore ps, NDArray x, NDList state, boolean training) {
        checkInput(x);
        NDArray h = state.get(0);                                                      // (B, H)
        NDList gx = Linear.linear(x, ps.getValue(weightIh, x.getDevice(), training),
                ps.getValue(biasIh, x.getDevice(), training)).head().split(3, 1);      // 3 x (B, H)
        NDList gh = Linear.linear(h, ps.getValue(weightHh, x.getDevice(), training),
                ps.getValue(biasHh, x.getDevice(), training)).head().split(3, 1);      // 3 x (B, H)
        NDArray r = Activation.sigmoid(gx.get(0).add(gh.get(0)));
        NDArray z = Activation.sigmoid(gx.get(1).add(gh.get(1)));
        NDArray n = gx.get(2).add(r.mul(gh.get(2))).tanh();
        NDArray hNext = n.sub(z.mul(n)).add(z.mul(h));                                 // (1-z)*n + z*h
        return new NDList(hNext);
    }

    @Override
    public int stateSize() {
        return 1;
    }

    public Parameter weightIh() {
        return weightIh;
    }

    public Parameter weightHh() {
        return weightHh;
    }

    public Parameter biasIh() {
        return biasIh;
    }

    public Parameter biasHh() {
        return biasHh;
    }
}
