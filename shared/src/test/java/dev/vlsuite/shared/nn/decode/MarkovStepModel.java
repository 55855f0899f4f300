package dev.vlsuite.shared.nn.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/**
 * A fixed toy decoder with memory: m_t = 0.5 m_{t-1} + onehot(prev),
 * log p(next | history, input) = logSoftmax(transition[prev] + bias[input] + m_t memoryWeights).
 * The memory makes the state depend on the whole prefix, so beam reordering must move it with the rows.
 * Inputs: bias (B, V). State: (bias (R, V), step counter (R, 1), memory (R, V)). Attention: softmax of the first L bias entries plus the
 * step count, so that it changes with the row and the step.
 */
final class MarkovStepModel implements StepModel<TensorState> {
    private final NDArray transition;    // (V, V) logits of the next token given the previous one
    private final NDArray memoryWeights; // (V, V) or null
    private final int vocab;
    private final int locations;
    int rowsSeen; // rows of the last step call, to check batching

    MarkovStepModel(NDArray transition, NDArray memoryWeights, int locations) {
        this.transition = transition;
        this.memoryWeights = memoryWeights;
        this.vocab = (int) transition.getShape().get(0);
        this.locations = locations;
    }

    @Override
    public TensorState start(NDList inputs) {
        NDArray bias = inputs.head();                                   // (B, V)
        return TensorState.of(bias, bias.get(":, 0:1").zerosLike(), bias.zerosLike()); // counter (B, 1), memory (B, V)
    }

    @Override
    public StepResult<TensorState> step(TensorState state, NDArray prevTokens) {
        rowsSeen = (int) prevTokens.getShape().get(0);
        NDArray bias = state.get(0);                                                    // (R, V)
        NDArray prev = prevTokens.oneHot(vocab).toType(bias.getDataType(), false);      // (R, V) data first: scope manager
        NDArray memory = state.get(2).mul(0.5).add(prev);                               // (R, V)
        NDArray logits = prev.matMul(transition).add(bias);                             // (R, V)
        if (memoryWeights != null) {
            logits = logits.add(memory.matMul(memoryWeights));
        }
        NDArray counter = state.get(1).add(1);                                          // (R, 1)
        NDArray attention = bias.get(":, 0:" + locations).add(counter).softmax(1);      // (R, L)
        return new StepResult<>(logits.logSoftmax(1), TensorState.of(bias, counter, memory), attention);
    }

    static NDArray logits(ai.djl.ndarray.NDManager m, double[][] v) {
        return m.create(v).toType(DataType.FLOAT32, false);
    }
}
