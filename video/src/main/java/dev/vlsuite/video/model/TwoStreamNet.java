package dev.vlsuite.video.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.vlsuite.shared.nn.decode.StepModel;
import dev.vlsuite.shared.nn.decode.StepResult;
import dev.vlsuite.shared.nn.decode.TensorState;

/**
 * Two models of one arch, one on the frames (RGB) and one on the frame differences (the motion stream), fused at the
 * word scores as S2VT fuses its RGB and flow models: score(w) = (1 - a) log p_rgb(w) + a log p_diff(w), a the config's
 * diff weight. Each frame's input is [rgb (F/2) | diff (F/2)]. As in S2VT each stream is a whole captioner trained on
 * its own captions; one step trains both (loss (1 - a) L_rgb + a L_diff keeps it in per-token NLL units) and
 * decoding steps both and sums the weighted log-softmax.
 */
final class TwoStreamNet extends AbstractBlock implements VideoNet {
    private static final byte VERSION = 1;

    private final VideoConfig config;
    private final VideoNet rgb;
    private final VideoNet diff;
    private final float weight;

    TwoStreamNet(VideoConfig config) {
        super(VERSION);
        if (config.streams() != Streams.RGB_DIFF) throw new IllegalArgumentException("a two-stream model needs rgb+diff: " + config);
        this.config = config;
        this.weight = (float) config.diffWeight();
        rgb = addChildBlock("rgb", VideoNets.create(config.oneStream()));
        diff = addChildBlock("diff", VideoNets.create(config.oneStream()));
    }

    VideoNet stream(int i) {
        if (i < 0 || i > 1) throw new IllegalArgumentException("rgb+diff has streams 0 and 1: " + i);
        return i == 0 ? rgb : diff;
    }

    @Override
    public VideoConfig config() {
        return config;
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... inputShapes) {
        Shape[] one = VideoNets.inputShapes(config.oneStream());
        rgb.initialize(m, type, one);
        diff.initialize(m, type, one);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(loss(ps, inputs.get(0), inputs.get(1), inputs.get(2), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape()};
    }

    private NDArray rgbPart(NDArray frames) {
        check(frames);
        return frames.get(":, :, :{}", config.streamFeatureSize());                         // (B, N, F/2)
    }

    private NDArray diffPart(NDArray frames) {
        return frames.get(":, :, {}:", config.streamFeatureSize());                          // (B, N, F/2)
    }

    private void check(NDArray frames) {
        Shape s = frames.getShape();
        if (s.dimension() != 3 || s.get(2) != config.featureSize()) {
            throw new IllegalArgumentException("rgb+diff needs frame features (B, N, " + config.featureSize() + "), got " + s);
        }
    }

    @Override
    public NDArray loss(ParameterStore ps, NDArray frames, NDArray tokens, NDArray lengths, boolean training) {
        NDArray a = rgb.loss(ps, rgbPart(frames), tokens, lengths, training);
        NDArray b = diff.loss(ps, diffPart(frames), tokens, lengths, training);
        return a.mul(1 - weight).add(b.mul(weight));
    }

    @Override
    public NDArray teacherForcedLogProbs(ParameterStore ps, NDArray frames, NDArray inputs) {
        return fuse(rgb.teacherForcedLogProbs(ps, rgbPart(frames), inputs), diff.teacherForcedLogProbs(ps, diffPart(frames), inputs));
    }

    private NDArray fuse(NDArray rgbLogProbs, NDArray diffLogProbs) {
        return rgbLogProbs.mul(1 - weight).add(diffLogProbs.mul(weight));
    }

    /** State: the RGB stream's tensors, then the motion stream's (the same arch, so as many each). */
    @Override
    @SuppressWarnings("unchecked")
    public StepModel<TensorState> decoder(ParameterStore ps) {
        StepModel<TensorState> a = (StepModel<TensorState>) rgb.decoder(ps);
        StepModel<TensorState> b = (StepModel<TensorState>) diff.decoder(ps);
        return new StepModel<>() {
            @Override
            public TensorState start(NDList inputs) {
                NDArray frames = inputs.head();                                            // (B, N, F)
                return join(a.start(new NDList(rgbPart(frames))), b.start(new NDList(diffPart(frames))));
            }

            @Override
            public StepResult<TensorState> step(TensorState state, NDArray prevTokens) {
                int half = state.size() / 2;
                StepResult<TensorState> ra = a.step(part(state, 0, half), prevTokens);
                StepResult<TensorState> rb = b.step(part(state, half, state.size()), prevTokens);
                return new StepResult<>(fuse(ra.logProbs(), rb.logProbs()), join(ra.state(), rb.state()), null);
            }
        };
    }

    private static TensorState join(TensorState x, TensorState y) {
        NDList all = new NDList(x.size() + y.size());
        all.addAll(x.tensors());
        all.addAll(y.tensors());
        return new TensorState(all);
    }

    private static TensorState part(TensorState s, int from, int to) {
        return new TensorState(new NDList(s.tensors().subList(from, to)));
    }
}
