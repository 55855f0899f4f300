package dev.vlsuite.video.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.vlsuite.shared.nn.Embedding;
import dev.vlsuite.shared.nn.TeacherForcing;
import dev.vlsuite.shared.nn.decode.StepModel;
import dev.vlsuite.shared.nn.decode.StepResult;
import dev.vlsuite.shared.nn.decode.TensorState;

/**
 * S2VT (Venugopalan et al. 2015): two stacked LSTMs unrolled over N frames, then T words.
 * <ul>
 *   <li>layer 1 reads the projected frame features x_i = W_f f_i, then zeros while the words are produced;</li>
 *   <li>layer 2 reads [h1_t ; e_t], where e_t is zeros while the frames are read (the paper's &lt;pad&gt;) and the
 *       embedding of the previous word after them; p(y_t) = softmax(W dropout(h2_t)).</li>
 * </ul>
 * No step depends on a previous output except layer 2's word input, so teacher forcing runs both layers as whole
 * fused LSTMs (DJL-NOTES 1.2 (c)); decoding precomputes layer 1 over frames and zeros at once and steps only layer 2.
 */
final class S2vtNet extends AbstractBlock implements VideoNet {
    private static final byte VERSION = 1;

    private final VideoConfig config;
    private final Linear frameProj;    // W_f: F -> P
    private final Embedding embedding; // (V, E)
    private final LSTM lstm1;          // P -> H, over frames then zeros
    private final LSTM lstm2;          // H + E -> H
    private final Linear output;       // H -> V

    S2vtNet(VideoConfig config) {
        super(VERSION);
        this.config = config;
        frameProj = addChildBlock("frame_proj", Linear.builder().setUnits(config.projSize()).build());
        embedding = addChildBlock("embedding", new Embedding(config.vocabSize(), config.embedSize()));
        lstm1 = addChildBlock("lstm1", lstm(config.hiddenSize()));
        lstm2 = addChildBlock("lstm2", lstm(config.hiddenSize()));
        output = addChildBlock("output", Linear.builder().setUnits(config.vocabSize()).build());
    }

    static LSTM lstm(int hidden) {
        return LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).optReturnState(true).build();
    }

    @Override
    public VideoConfig config() {
        return config;
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... inputShapes) {
        frameProj.initialize(m, type, new Shape(1, config.featureSize()));
        embedding.initialize(m, type, new Shape(1));
        lstm1.initialize(m, type, new Shape(1, 1, config.projSize()));
        lstm2.initialize(m, type, new Shape(1, 1, config.hiddenSize() + config.embedSize()));
        output.initialize(m, type, new Shape(1, config.hiddenSize()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(loss(ps, inputs.get(0), inputs.get(1), inputs.get(2), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape()};
    }

    @Override
    public NDArray loss(ParameterStore ps, NDArray frames, NDArray tokens, NDArray lengths, boolean training) {
        NDArray inputs = TeacherForcing.inputs(tokens);                                    // (B, T)
        NDArray targets = TeacherForcing.targets(tokens);                                  // (B, T)
        NDArray mask = TeacherForcing.mask(lengths, targets.getShape().get(1));            // (B, T)
        NDArray logProbs = unroll(ps, frames, inputs, training);                           // (B, T, V)
        return TeacherForcing.maskedNll(logProbs, targets, mask).sum().div(mask.sum());
    }

    @Override
    public NDArray teacherForcedLogProbs(ParameterStore ps, NDArray frames, NDArray inputs) {
        return unroll(ps, frames, inputs, false);
    }

    /** Layer 1 over the frames and then {@code zeroSteps} zero inputs: out (B, N + zeroSteps, H), h (1, B, H), c (1, B, H). */
    private NDList layer1(ParameterStore ps, NDArray frames, long zeroSteps, boolean training) {
        checkFrames(frames);
        Shape s = frames.getShape();
        NDArray x = frameProj.forward(ps, new NDList(frames), training).head();            // (B, N, P)
        x = Dropout.dropout(x, (float) config.dropout(), training).head();
        NDArray pad = frames.getManager().zeros(new Shape(s.get(0), zeroSteps, config.projSize())); // (B, T, P)
        NDArray in = x.concat(pad, 1);                                                     // (B, N+T, P)
        return lstm1.forward(ps, new NDList(in), training);
    }

    private NDArray unroll(ParameterStore ps, NDArray frames, NDArray inputs, boolean training) {
        long b = frames.getShape().get(0);
        long n = frames.getShape().get(1);
        long t = inputs.getShape().get(1);
        NDArray h1 = layer1(ps, frames, t, training).head();                              // (B, N+T, H)
        NDArray words = embedding.embed(ps, inputs, training);                            // (B, T, E)
        NDArray pad = frames.getManager().zeros(new Shape(b, n, config.embedSize()));      // (B, N, E): <pad> while reading
        NDArray e = pad.concat(words, 1);                                                  // (B, N+T, E)
        NDArray h2 = lstm2.forward(ps, new NDList(h1.concat(e, 2)), training).head();      // (B, N+T, H)
        NDArray top = h2.get(":, {}:, :", n);                                              // (B, T, H)
        return logProbs(ps, top, training);                                                // (B, T, V)
    }

    private NDArray logProbs(ParameterStore ps, NDArray h, boolean training) {
        NDArray dropped = Dropout.dropout(h, (float) config.dropout(), training).head();
        return output.forward(ps, new NDList(dropped), training).head().logSoftmax(-1);
    }

    private void checkFrames(NDArray frames) {
        Shape s = frames.getShape();
        if (s.dimension() != 3 || s.get(2) != config.featureSize()) {
            throw new IllegalArgumentException("s2vt needs frame features (B, N, " + config.featureSize() + "), got " + s);
        }
    }

    /**
     * State {@code (h2 (R,H), c2 (R,H), h1 (R, steps left, H), h1T (R,H), c1T (R,H))}: layer 1's outputs for the
     * decoding steps to come, computed ahead in one fused call (it reads zeros then, so it needs no word), and its
     * state at the end of them; each step takes the first output, and when they run out (a --max-len beyond the
     * model's) layer 1 runs on from (h1T, c1T) for another stretch.
     */
    @Override
    public StepModel<TensorState> decoder(ParameterStore ps) {
        return new StepModel<>() {
            @Override
            public TensorState start(NDList inputs) {
                NDArray frames = inputs.head();                                            // (B, N, F)
                long b = frames.getShape().get(0);
                long n = frames.getShape().get(1);
                NDList l1 = layer1(ps, frames, config.maxLength() + 1L, false);            // (B, N+L+1, H), h, c
                NDArray h1 = l1.get(0);
                NDArray h1Frames = h1.get(":, :{}, :", n);                                 // (B, N, H)
                NDArray pad = frames.getManager().zeros(new Shape(b, n, config.embedSize()));
                NDList read = lstm2.forward(ps, new NDList(h1Frames.concat(pad, 2)), false); // out, h (1,B,H), c (1,B,H)
                return TensorState.of(read.get(1).squeeze(0), read.get(2).squeeze(0), h1.get(":, {}:, :", n),
                        l1.get(1).squeeze(0), l1.get(2).squeeze(0));
            }

            @Override
            public StepResult<TensorState> step(TensorState state, NDArray prevTokens) {
                NDArray future = state.get(2);                                             // (R, steps left, H)
                NDArray h1T = state.get(3), c1T = state.get(4);
                if (future.getShape().get(1) == 0) {
                    long r = future.getShape().get(0);
                    NDArray zeros = future.getManager().zeros(new Shape(r, config.maxLength(), config.projSize()));
                    NDList more = lstm1.forward(ps, new NDList(zeros, h1T.expandDims(0), c1T.expandDims(0)), false);
                    future = more.get(0);
                    h1T = more.get(1).squeeze(0);
                    c1T = more.get(2).squeeze(0);
                }
                NDArray word = embedding.embed(ps, prevTokens, false);                     // (R, E)
                NDArray h1t = future.get(":, 0, :");                                       // (R, H)
                NDArray in = h1t.concat(word, 1).expandDims(1);                            // (R, 1, H+E)
                NDList out = lstm2.forward(ps, new NDList(in, state.get(0).expandDims(0), state.get(1).expandDims(0)), false);
                NDArray top = out.get(0).squeeze(1);                                       // (R, H)
                TensorState next = TensorState.of(out.get(1).squeeze(0), out.get(2).squeeze(0), future.get(":, 1:, :"), h1T, c1T);
                return new StepResult<>(logProbs(ps, top, false), next, null);
            }
        };
    }
}
