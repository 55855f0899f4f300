package dev.vlsuite.captioning.model;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.nn.decode.DecoderState;
import dev.vlsuite.shared.nn.decode.StepModel;
import dev.vlsuite.shared.nn.decode.StepResult;
import dev.vlsuite.shared.text.Vocabulary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Training and decoding run the same network: for random weights, features and token rows, the teacher-forced
 * log-probabilities (what the loss reads) equal the step-wise decoder's (what beam search reads) at every step, for
 * every arch; hard attention with its decoding glimpse (the most likely cell).
 */
class TeacherForcedDecodingTest {
    private static final int B = 3, T = 6, L = 9, D = 12, V = 17;

    @ParameterizedTest
    @EnumSource(Arch.class)
    void teacherForcedLogProbsEqualTheStepwiseDecoders(Arch arch) {
        Engine.getInstance().setRandomSeed(11);
        CaptionConfig config = new CaptionConfig(arch, V, 8, 10, 7, D, arch.attends() ? L : 1, 0.5f, 1f, 0.002f, 0.5f, "vgg-small", 64, 20);
        try (NDManager m = NDManager.newBaseManager()) {
            CaptionNet net = CaptionNets.createInitialized(config, m);
            NDArray grid = m.randomNormal(new Shape(B, config.locations(), D));                    // (B, L, D)
            NDArray inputs = m.randomInteger(Vocabulary.UNK_ID, V, new Shape(B, T), DataType.INT64); // (B, T)
            inputs.set(new ai.djl.ndarray.index.NDIndex(":, 0"), Vocabulary.START_ID);
            ParameterStore ps = new ParameterStore(m, false);
            float[] forced = net.teacherForcedLogProbs(ps, grid, inputs).toFloatArray();           // (B, T, V)
            float[][] stepwise = stepwise(net.decoder(ps), grid, inputs);                           // T x (B * V)
            for (int t = 0; t < T; t++) {
                for (int i = 0; i < B * V; i++) {
                    int b = i / V, v = i % V;
                    assertEquals(stepwise[t][i], forced[(b * T + t) * V + v], 2e-5f, arch + " row " + b + " step " + t + " token " + v);
                }
            }
            assertTrue(Math.abs(stepwise[T - 1][0] - stepwise[T - 1][V]) > 1e-4, "rows differ (the check would be vacuous otherwise)");
        }
    }

    /** Feeds the same tokens one step at a time: the log-probabilities of every step, (B * V) each. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static float[][] stepwise(StepModel model, NDArray grid, NDArray inputs) {
        DecoderState state = (DecoderState) model.start(new NDList(grid));
        float[][] out = new float[T][];
        for (int t = 0; t < T; t++) {
            StepResult r = model.step(state, inputs.get(":, " + t));                              // (B, V)
            out[t] = r.logProbs().toFloatArray();
            state = (DecoderState) r.state();
        }
        return out;
    }
}
