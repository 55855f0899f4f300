package dev.vlsuite.shared.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * Clipping by the global L2 norm of all gradients, like torch.nn.utils.clip_grad_norm_: both signs are
 * scaled by the same factor, so the update keeps its direction. (DJL's optClipGrad clamps the upper side
 * only on PyTorch; never use it.)
 */
public final class GradientClipping {
    private GradientClipping() {}

    /**
     * Scales every gradient in place by {@code maxNorm / (norm + 1e-6)} when the global norm exceeds maxNorm.
     *
     * @param scope per-step manager for temporaries (gradient handles are attached to it and closed with it)
     * @return the global norm before clipping
     */
    public static double clipGlobalNorm(ParameterList parameters, double maxNorm, NDManager scope) {
        List<NDArray> grads = gradients(parameters, scope);
        if (grads.isEmpty()) return 0;
        NDArray squares = null;
        for (NDArray g : grads) {
            NDArray s = g.square().sum(); // () ; lands in scope: g is attached there
            squares = squares == null ? s : squares.add(s);
        }
        double norm = Math.sqrt(squares.getFloat()); // one host sync per step
        if (maxNorm > 0 && norm > maxNorm) {
            float factor = (float) (maxNorm / (norm + 1e-6));
            for (NDArray g : grads) g.muli(factor);
        }
        return norm;
    }

    /** Handles on the real gradient storage of trainable parameters, attached to {@code scope}. */
    static List<NDArray> gradients(ParameterList parameters, NDManager scope) {
        List<NDArray> grads = new ArrayList<>();
        for (Pair<String, Parameter> p : parameters) {
            Parameter prm = p.getValue();
            if (!prm.requiresGradient() || !prm.isInitialized() || !prm.getArray().hasGradient()) continue;
            NDArray g = prm.getArray().getGradient(); // a new handle sharing storage with .grad
            g.attach(scope);
            grads.add(g);
        }
        return grads;
    }
}
