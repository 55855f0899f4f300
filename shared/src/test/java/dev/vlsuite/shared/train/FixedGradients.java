package dev.vlsuite.shared.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

/** A Linear(2) on x = (3, -4) with loss sum(out): dW = [[3,-4],[3,-4]], db = [1,1], global norm sqrt(52). */
final class FixedGradients {
    final Linear linear = Linear.builder().setUnits(2).build();
    final NDManager manager;

    FixedGradients(NDManager manager) {
        this.manager = manager;
        Engine.getInstance().setRandomSeed(1);
        linear.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
    }

    /** Runs forward + backward once; gradients accumulate like PyTorch's until the optimizer zeroes them. */
    void backward() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(new float[] {3, -4}, new Shape(1, 2)); // (1, 2)
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = linear.forward(new ParameterStore(scope, false), new NDList(x), true).head(); // (1, 2)
                gc.backward(out.sum());
            }
        }
    }

    float[] weight() {
        return linear.getParameters().get("weight").getArray().toFloatArray();
    }

    float[] weightGrad() {
        try (NDArray g = linear.getParameters().get("weight").getArray().getGradient()) {
            return g.toFloatArray();
        }
    }

    float[] biasGrad() {
        try (NDArray g = linear.getParameters().get("bias").getArray().getGradient()) {
            return g.toFloatArray();
        }
    }
}
