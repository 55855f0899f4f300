package dev.vlsuite.shared.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam written out (as torch.optim.Adam computes it) so that its moments can be checkpointed: DJL's Adam
 * keeps them private. The moments live in this optimizer's own manager; every temporary of an update lives in
 * the caller's per-step scope.
 */
public final class Adam implements AutoCloseable {
    private final AdamConfig config;
    private final NDManager stateManager;
    private final Map<String, NDArray[]> moments = new LinkedHashMap<>(); // name -> {m, v}
    private long step;

    /** @param parent the model's manager; the moments go into a sub-manager closed with {@link #close()} */
    public Adam(AdamConfig config, NDManager parent) {
        this.config = config;
        this.stateManager = parent.newSubManager();
    }

    /** Number of updates taken so far. */
    public long step() {
        return step;
    }

    /**
     * One update of every trainable parameter that has a gradient, then zeroes the gradients (DJL's PyTorch
     * engine accumulates them across backward calls).
     */
    public void update(ParameterList parameters, double lr, NDManager scope) {
        update(parameters, lr, name -> 1.0, scope);
    }

    /**
     * {@link #update(ParameterList, double, NDManager)} with a learning rate per parameter: {@code lr} times
     * {@code lrScale} of the parameter's name (e.g. a smaller rate for a fine-tuned CNN than for the decoder).
     */
    public void update(ParameterList parameters, double lr, java.util.function.ToDoubleFunction<String> lrScale, NDManager scope) {
        step++;
        double bias1 = 1 - Math.pow(config.beta1(), step);
        double bias2 = 1 - Math.pow(config.beta2(), step);
        double stepSize = lr / bias1;
        float sqrtBias2 = (float) Math.sqrt(bias2);
        try (GradMode off = GradMode.off()) { // in-place updates of leaf parameters, from any thread
            updateAll(parameters, stepSize, lrScale, sqrtBias2, scope);
        }
    }

    private void updateAll(ParameterList parameters, double stepSize, java.util.function.ToDoubleFunction<String> lrScale,
                           float sqrtBias2, NDManager scope) {
        for (Pair<String, Parameter> p : parameters) {
            Parameter prm = p.getValue();
            if (!prm.requiresGradient() || !prm.isInitialized() || !prm.getArray().hasGradient()) continue;
            NDArray w = prm.getArray();
            NDArray g = w.getGradient(); // shares storage with .grad
            g.attach(scope);
            NDArray grad = g;
            if (config.weightDecay() > 0) {
                NDArray decay = w.mul((float) config.weightDecay()); // lands in the model manager: move it
                decay.attach(scope);
                grad = g.add(decay);
            }
            NDArray[] mv = moments.computeIfAbsent(p.getKey(), k -> zeroMoments(w));
            NDArray m = mv[0], v = mv[1];
            NDArray gScaled = grad.mul((float) (1 - config.beta1()));
            m.muli((float) config.beta1()).addi(gScaled);                 // m = b1 m + (1-b1) g
            NDArray g2 = grad.square().muli((float) (1 - config.beta2()));
            v.muli((float) config.beta2()).addi(g2);                       // v = b2 v + (1-b2) g^2
            NDArray denom = v.sqrt();                                      // lands in the state manager: move it
            denom.attach(scope);
            denom.divi(sqrtBias2).addi((float) config.eps());              // sqrt(v / bias2) + eps
            NDArray delta = m.div(denom);
            delta.attach(scope);
            w.subi(delta.muli((float) (stepSize * lrScale.applyAsDouble(p.getKey()))));                                  // w -= lr/bias1 * m / denom
            g.muli(0f);                                                    // zero_grad
        }
    }

    private NDArray[] zeroMoments(NDArray like) {
        NDArray m = stateManager.zeros(like.getShape(), like.getDataType(), like.getDevice());
        NDArray v = stateManager.zeros(like.getShape(), like.getDataType(), like.getDevice());
        return new NDArray[] {m, v};
    }

    /** The step count and every moment array, for a checkpoint. */
    public byte[] saveState() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(step);
            out.writeInt(moments.size());
            for (Map.Entry<String, NDArray[]> e : moments.entrySet()) {
                out.writeUTF(e.getKey());
                for (NDArray a : e.getValue()) {
                    byte[] encoded = a.encode();
                    out.writeInt(encoded.length);
                    out.write(encoded);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Restores what {@link #saveState()} wrote, replacing the current state. */
    public void loadState(byte[] state) throws IOException {
        moments.values().forEach(mv -> { mv[0].close(); mv[1].close(); });
        moments.clear();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            step = in.readLong();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                NDArray[] mv = new NDArray[2];
                for (int k = 0; k < 2; k++) {
                    byte[] encoded = in.readNBytes(in.readInt());
                    mv[k] = NDArray.decode(stateManager, encoded);
                }
                moments.put(name, mv);
            }
        }
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
