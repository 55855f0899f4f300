package dev.vlsuite.navigation.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.vlsuite.navigation.api.SpeakerInputs;
import dev.vlsuite.navigation.api.SpeakerScorer;
import dev.vlsuite.navigation.env.AgentState;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.model.SpeakerConfig;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rcm's matching critic learns: the speaker, teacher-forced on {@link StarWorld} paths, ends with a held-out word
 * loss far below a uniform guess (ln V), and scores an instruction higher for the route it describes than for a
 * route into another room (what makes its score a reward for trajectories that explain the instruction).
 */
class SpeakerLearningTest {
    @TempDir Path tmp;

    @Test
    void speakerLossFallsWellBelowUniformAndPrefersTheRouteTheInstructionDescribes() throws Exception {
        StarWorld w = new StarWorld(20, 4, 4, 5);
        SpeakerTraining t = SpeakerTraining.prepare(w.train, w.validation, w.env, SpeakerConfig.paper(0, 0).withSizes(16, 32, 0), 1, 24);
        TrainConfig tc = TrainConfig.defaults().withEpochs(12).withLr(1e-2, null).withSeed(3)
                .withValidation(0, "word_nll", TrainConfig.Goal.MIN, 0);
        TrainResult r;
        try (NDManager m = NDManager.newBaseManager()) {
            r = t.train(tc, tmp.resolve("speaker"), false, m);
        }
        double uniform = Math.log(t.vocabulary().size());
        System.err.println("speaker held-out word_nll " + r.bestMetric() + ", uniform " + uniform);
        assertTrue(r.bestMetric() < 0.5 * uniform, "held-out word loss " + r.bestMetric() + " vs uniform " + uniform);

        int right = 0, total = 0;
        try (SpeakerScorer s = SpeakerScorer.load(tmp.resolve("speaker").resolve("model.vlm"), ai.djl.Device.cpu())) {
            assertEquals(t.config(), s.config());
            for (Episode e : w.heldOut) {
                List<String> rooms = e.path();
                String wrongEnd = rooms.get(2).substring(0, rooms.get(2).length() - 1) + ((rooms.get(2).charAt(rooms.get(2).length() - 1) - '0' + 2) % 4);
                String wrongDoor = rooms.get(1).substring(0, rooms.get(1).length() - 1) + wrongEnd.charAt(wrongEnd.length() - 1);
                AgentState start = w.env.start(e);
                List<List<AgentState>> trajs = new ArrayList<>(List.of(SpeakerInputs.walk(w.env, start, rooms),
                        SpeakerInputs.walk(w.env, start, List.of(rooms.get(0), wrongDoor, wrongEnd))));
                double[] lp = s.logProbPerWord(w.env, trajs, List.of(e.instructions().get(0), e.instructions().get(0)));
                if (lp[0] > lp[1]) right++;
                total++;
            }
        }
        System.err.println("speaker prefers the described route in " + right + " of " + total);
        assertTrue(right >= 0.75 * total, "the described route scores higher in " + right + " of " + total);
    }
}
