package dev.vlsuite.vqa.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.nn.decode.StepModel;
import dev.vlsuite.shared.nn.decode.StepResult;
import dev.vlsuite.shared.nn.decode.TensorState;

/**
 * The generative dialog decoder one word at a time, for the shared greedy/beam search. Input: the encodings (B, H).
 * State: h, c as (R, n, H) (the row first, so beam search can reorder rows; the LSTM wants (n, R, H)).
 */
public final class AnswerStepModel implements StepModel<TensorState> {
    private final LateFusionNet net;
    private final ParameterStore ps;

    public AnswerStepModel(LateFusionNet net, ParameterStore ps) {
        this.net = net;
        this.ps = ps;
    }

    @Override
    public TensorState start(NDList inputs) {
        NDArray enc = inputs.head();                                                     // (B, H)
        int n = net.config().layers();
        NDArray h = enc.expandDims(1).repeat(1, n);                                      // (B, n, H)
        return TensorState.of(h, h.zerosLike(), enc);
    }

    @Override
    public StepResult<TensorState> step(TensorState state, NDArray prevTokens) {
        NDList begin = new NDList(state.get(0).transpose(1, 0, 2), state.get(1).transpose(1, 0, 2)); // (n, R, H)
        NDList out = net.generate(ps, state.get(2), prevTokens.expandDims(1), begin, false);          // (R, 1, V), h, c
        NDArray logProbs = out.get(0).squeeze(1);                                                       // (R, V)
        return new StepResult<>(logProbs, TensorState.of(out.get(1).transpose(1, 0, 2), out.get(2).transpose(1, 0, 2), state.get(2)), null);
    }
}
