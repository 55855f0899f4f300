package dev.vlsuite.shared.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;

import java.util.ArrayList;
import java.util.List;

/**
 * Global-norm gradient clipping, as torch.nn.utils.clip_grad_norm_. DJL's {@code optClipGrad} clips the
 * upper side only on PyTorch (DJL-NOTES 1.6), so the training loop calls this before {@code trainer.step()}.
 */
public final class GradientClipping {
    private GradientClipping() {}

    /**
     * Scales every gradient in place by {@code maxNorm / norm} when the global L2 norm exceeds
     * {@code maxNorm}. Squares are summed on the device and read once (one host sync).
     *
     * @return the global norm before clipping (0 when no parameter has a gradient)
     */
    public static float clipGlobalNorm(ParameterList params, float maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be positive, got " + maxNorm);
        }
        List<NDArray> grads = new ArrayList<>();
        NDList squares = new NDList();
        try {
            for (Pair<String, Parameter> p : params) {
                Parameter prm = p.getValue();
                if (!prm.isInitialized() || !prm.requiresGradient() || !prm.getArray().hasGradient()) {
                    continue;
                }
                NDArray g = prm.getArray().getGradient(); // a new handle on the real .grad storage
                grads.add(g);
                try (NDArray sq = g.square()) {
                    squares.add(sq.sum()); // ()
                }
            }
            if (grads.isEmpty()) {
                return 0f;
            }
            float norm;
            try (NDArray stacked = NDArrays.stack(squares); NDArray total = stacked.sum()) { // (P) -> ()
                double sq = total.getDataType() == DataType.FLOAT64 ? total.getDouble() : total.getFloat();
                norm = (float) Math.sqrt(sq);
            }
            if (norm > maxNorm) {
                float scale = maxNorm / (norm + 1e-6f);
                for (NDArray g : grads) {
                    g.muli(scale);
                }
            }
            return norm;
        } finally {
            squares.close();
            for (NDArray g : grads) {
                g.close(); // handles live in the model manager otherwise (DJL-NOTES 1.4)
            }
        }
    }
}
