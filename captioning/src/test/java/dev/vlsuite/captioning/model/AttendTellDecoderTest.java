package dev.vlsuite.captioning.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.engine.EngineOptions;
import dev.vlsuite.shared.engine.VlEngine;
import dev.vlsuite.shared.nn.decode.DecodeOptions;
import dev.vlsuite.shared.nn.decode.Decoding;
import dev.vlsuite.shared.nn.decode.Hypothesis;
import dev.vlsuite.shared.nn.decode.StepModel;
import dev.vlsuite.shared.nn.decode.StepResult;
import dev.vlsuite.shared.nn.decode.TensorState;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fast decoder ({@link AttendTellDecoder}: fused projections of h, grouped beam rows, sigmoid energies) decodes
 * what the plain step of the training code ({@link ShowAttendTellNet#step} + {@link ShowAttendTellNet#deepOutput},
 * one tensor state with the features copied per row) decodes: same tokens, log-probabilities and attention up to
 * float rounding, greedy (with rows finishing early) and beam, batched and one input at a time.
 */
class AttendTellDecoderTest {
    private static final int B = 5, L = 9, D = 16, V = 40, MAX = 8;

    @ParameterizedTest
    @EnumSource(value = Arch.class, names = {"SOFT", "HARD"})
    void fastDecoderDecodesWhatThePlainStepDecodes(Arch arch) {
        VlEngine.configure(new EngineOptions("cpu", 1, 7, false));
        CaptionConfig config = CaptionConfig.defaults(arch, V, D, L, "vgg-small", 128).withSizes(12, 20, 10).withMaxLength(MAX);
        try (NDManager m = NDManager.newBaseManager()) {
            ShowAttendTellNet net = (ShowAttendTellNet) CaptionNets.createInitialized(config, m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray grid = m.randomNormal(new Shape(B, L, D));
            StepModel<?> fast = net.decoder(ps), plain = new PlainDecoder(net, ps, net.decodingGlimpse());
            // an end token that some rows emit early and others not: greedy drops finished rows mid-way
            int end = decode(plain, grid, new DecodeOptions(1, 0, MAX), 1).get(0).get(0).tokens()[2];
            DecodeOptions options = new DecodeOptions(1, end, MAX);
            List<List<Hypothesis>> plainGreedy = decode(plain, grid, options, 1);
            assertTrue(plainGreedy.stream().anyMatch(h -> h.get(0).finished())
                    && plainGreedy.stream().anyMatch(h -> h.get(0).tokens().length > 3), "rows finish at different steps");
            for (int beam : new int[] {1, 3}) {
                List<List<Hypothesis>> expected = decode(plain, grid, options, beam), got = decode(fast, grid, options, beam);
                assertSame(expected, got, arch + " beam " + beam);
                for (int b = 0; b < B; b++) {                                    // one input at a time
                    try (NDArray one = grid.get("{}:{}", b, b + 1)) {
                        assertSame(List.of(expected.get(b)), decode(fast, one, options, beam), arch + " beam " + beam + " input " + b);
                    }
                }
            }
            assertSame(plainGreedy, decode(fast, grid, options, 0), arch + " greedy"); // 0: Decoding.greedy
        }
    }

    private static void assertSame(List<List<Hypothesis>> expected, List<List<Hypothesis>> got, String what) {
        assertEquals(expected.size(), got.size(), what);
        for (int b = 0; b < expected.size(); b++) {
            assertEquals(expected.get(b).size(), got.get(b).size(), what + " input " + b);
            for (int i = 0; i < expected.get(b).size(); i++) {
                Hypothesis e = expected.get(b).get(i), g = got.get(b).get(i);
                String at = what + " input " + b + " hypothesis " + i;
                assertArrayEquals(e.tokens(), g.tokens(), at);
                assertEquals(e.finished(), g.finished(), at);
                assertEquals(e.score(), g.score(), 1e-5f, at);
                assertArrayEquals(e.tokenLogProbs(), g.tokenLogProbs(), 1e-5f, at);
                for (int t = 0; t < e.tokens().length; t++) {
                    assertArrayEquals(e.attention()[t], g.attention()[t], 1e-5f, at + " step " + t);
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<List<Hypothesis>> decode(StepModel model, NDArray grid, DecodeOptions options, int beam) {
        return beam == 0 ? Decoding.greedy(model, new NDList(grid), options) : Decoding.beam(model, new NDList(grid), options, beam, 0f);
    }

    /** The decoder as it was written before it was made fast: the training code's step, the features copied per row. */
    private record PlainDecoder(ShowAttendTellNet net, ParameterStore ps, Glimpse glimpse) implements StepModel<TensorState> {
        @Override
        public TensorState start(NDList inputs) {
            NDArray grid = inputs.head();
            NDList hc = net.initialState(ps, grid, false);
            return TensorState.of(hc.get(0), hc.get(1), grid, net.projectFeatures(ps, grid, false));
        }

        @Override
        public StepResult<TensorState> step(TensorState state, NDArray prevTokens) {
            NDArray grid = state.get(2), projected = state.get(3);
            NDArray word = net.embed(ps, prevTokens, false);
            ShowAttendTellNet.Step s = net.step(ps, grid, projected, word, state.get(0), state.get(1), glimpse, false);
            NDArray logProbs = net.deepOutput(ps, word, s.h(), s.context(), false);
            return new StepResult<>(logProbs, TensorState.of(s.h(), s.c(), grid, projected), s.attended().alpha());
        }
    }
}
