package dev.vlsuite.video.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.nn.decode.StepModel;
import dev.vlsuite.shared.nn.decode.StepResult;
import dev.vlsuite.shared.nn.decode.TensorState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Training and decoding run the same network: the fused whole-sequence LSTMs of teacher forcing give, at every
 * step, the log-probabilities the step-wise decoder gives when fed the same tokens.
 */
class TeacherForcedDecodingTest {
    private static final int B = 3, N = 5, F = 12, T = 9;

    @ParameterizedTest
    @EnumSource(Arch.class)
    void fusedTeacherForcingEqualsStepwiseDecoding(Arch arch) {
        // max length 3 < T: s2vt's decoder runs out of precomputed layer-1 steps and must continue layer 1 exactly
        teacherForcingEqualsStepwiseDecoding(arch, VideoConfig.paper(arch).withSizes(8, 7, 10, 0.5).withData(11, F, N, "vgg-small", 64, 4).withMaxLength(3));
    }

    /** rgb+diff: the two streams' fused word scores, teacher forced and step-wise (beam search reorders its joined state). */
    @ParameterizedTest
    @EnumSource(Arch.class)
    void twoStreamTeacherForcingEqualsStepwiseDecoding(Arch arch) {
        teacherForcingEqualsStepwiseDecoding(arch, VideoConfig.paper(arch).withSizes(8, 7, 10, 0.5).withStreams(Streams.RGB_DIFF, 0.3)
                .withData(11, 2 * F, N, "vgg-small", 64, 4).withMaxLength(3));
    }

    /** The fused score is (1 - a) log p_rgb + a log p_diff of the two streams, each reading its half of the frame vector. */
    @Test
    void twoStreamScoreIsTheWeightedSumOfTheStreamsLogSoftmax() {
        Engine.getInstance().setRandomSeed(3);
        VideoConfig config = VideoConfig.paper(Arch.S2VT).withSizes(8, 7, 10, 0).withStreams(Streams.RGB_DIFF, 0.3)
                .withData(11, 2 * F, N, "vgg-small", 64, 4);
        assertEquals(F, config.streamFeatureSize());
        try (NDManager m = NDManager.newBaseManager()) {
            VideoNet net = VideoNets.createInitialized(config, m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray frames = m.randomNormal(new Shape(B, N, 2 * F));
            NDArray inputs = m.create(new long[] {1, 5, 6, 1, 7, 8}, new Shape(2, 3));
            NDArray two = frames.get(":2");
            NDArray rgb = VideoNets.stream(net, 0).teacherForcedLogProbs(ps, two.get(":, :, :{}", F), inputs);
            NDArray diff = VideoNets.stream(net, 1).teacherForcedLogProbs(ps, two.get(":, :, {}:", F), inputs);
            float[] expected = rgb.mul(0.7f).add(diff.mul(0.3f)).toFloatArray();
            assertArrayEquals(expected, net.teacherForcedLogProbs(ps, two, inputs).toFloatArray(), 1e-5f);
            assertTrue(rgb.sub(diff).abs().max().getFloat() > 1e-3, "the streams are two models, not one");
        }
    }

    private static void teacherForcingEqualsStepwiseDecoding(Arch arch, VideoConfig config) {
        Engine.getInstance().setRandomSeed(1);
        int F = config.featureSize();
        try (NDManager m = NDManager.newBaseManager()) {
            VideoNet net = VideoNets.createInitialized(config, m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray frames = m.randomNormal(new Shape(B, N, F));
            long[] ids = new long[B * T];
            for (int i = 0; i < ids.length; i++) ids[i] = i % T == 0 ? 1 : 4 + (i * 5) % 7; // <start> then words
            NDArray inputs = m.create(ids, new Shape(B, T));
            float[] forced = net.teacherForcedLogProbs(ps, frames, inputs).toFloatArray(); // (B, T, V)

            @SuppressWarnings("unchecked")
            StepModel<TensorState> decoder = (StepModel<TensorState>) net.decoder(ps);
            TensorState state = decoder.start(new NDList(frames));
            int v = config.vocabSize();
            for (int t = 0; t < T; t++) {
                StepResult<TensorState> r = decoder.step(state, inputs.get(":, {}", t));
                float[] step = r.logProbs().toFloatArray(); // (B, V)
                for (int b = 0; b < B; b++) {
                    float[] expected = new float[v];
                    System.arraycopy(forced, (b * T + t) * v, expected, 0, v);
                    float[] got = new float[v];
                    System.arraycopy(step, b * v, got, 0, v);
                    assertArrayEquals(expected, got, 1e-4f, arch + " step " + t + " row " + b);
                }
                state = r.state();
            }
        }
    }

    @Test
    void s2vtLossIsMeanCrossEntropyAndDependsOnFrameOrder() {
        Engine.getInstance().setRandomSeed(2);
        VideoConfig config = VideoConfig.paper(Arch.S2VT).withSizes(8, 7, 10, 0).withData(11, F, N, "vgg-small", 64, 4);
        try (NDManager m = NDManager.newBaseManager()) {
            VideoNet net = VideoNets.createInitialized(config, m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray frames = m.randomNormal(new Shape(1, N, F));
            NDArray tokens = m.create(new long[] {1, 5, 6, 2, 0}, new Shape(1, 5));
            float loss = net.loss(ps, frames, tokens, m.create(new long[] {3}), false).getFloat();
            float[] lp = net.teacherForcedLogProbs(ps, frames, m.create(new long[] {1, 5, 6, 2}, new Shape(1, 4))).toFloatArray();
            int v = config.vocabSize();
            float expected = -(lp[5] + lp[v + 6] + lp[2 * v + 2]) / 3; // targets 5, 6, <end>; the pad step is masked
            assertEquals(expected, loss, 1e-5f);
            NDArray reversed = frames.flip(1);
            float other = net.loss(ps, reversed, tokens, m.create(new long[] {3}), false).getFloat();
            assertTrue(Math.abs(other - loss) > 1e-6, "s2vt reads the frames in order: reversing them changes the loss");
        }
    }
}
