package dev.vlsuite.navigation.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.vlsuite.navigation.api.Navigator;
import dev.vlsuite.navigation.api.Rollout;
import dev.vlsuite.navigation.api.Route;
import dev.vlsuite.navigation.env.Action;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.Trajectories;
import dev.vlsuite.navigation.env.Trajectory;
import dev.vlsuite.navigation.metrics.R2RScorer;
import dev.vlsuite.navigation.metrics.Scores;
import dev.vlsuite.navigation.model.RcmConfig;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rcm agent learns to follow instructions by imitation: on unseen {@link StarWorld} houses (only the
 * instruction names the room) it succeeds far more often than the same net trained blind, and the RL phase
 * (REINFORCE + imitation, extrinsic reward) runs on the loop from the imitation bundle and keeps it working.
 * -Drcm.epochs / -Drcm.lr / -Drcm.feedback for experiments.
 */
class RcmLearningTest {
    @TempDir Path tmp;

    static final RcmConfig TINY = RcmConfig.paper(0, 0).withSizes(16, 32, 0).withMaxActions(6);
    static final int EPOCHS = Integer.getInteger("rcm.epochs", 8);
    static final double LR = Double.parseDouble(System.getProperty("rcm.lr", "1e-2"));
    static final Rollout.Feedback FEEDBACK = Rollout.Feedback.valueOf(System.getProperty("rcm.feedback", "SAMPLE"));

    static TrainConfig config(int epochs) {
        return TrainConfig.defaults().withEpochs(epochs).withLr(LR, null).withSeed(11)
                .withValidation(0, "success_rate", TrainConfig.Goal.MAX, 0).withLogEvery(10);
    }

    static Map<String, Double> score(StarWorld w, Path model, boolean blind) throws Exception {
        try (Navigator nav = Navigator.load(model)) {
            assertNotNull(nav.rcmConfig(), "the bundle says it is rcm");
            assertEquals(blind ? "rcm-blind" : "rcm", nav.name());
            List<Trajectory> out = nav.run(w.env, w.heldOut, 32);
            Scores s = new R2RScorer(w.heldOut, w.env.connectivity()).score(out.stream()
                    .map(x -> new Trajectories.Entry(x.instrId(), x.steps(), null)).toList());
            assertTrue(s.official(), s.problems().toString());
            Episode e = w.heldOut.get(0);
            Route route = nav.follow(w.env, w.env.start(e), e.instructions().get(0));
            assertEquals(route.actions().size(), route.attention().size(), "attention over the words at every step");
            for (Action a : route.actions()) assertTrue(a == Action.FORWARD || a == Action.STOP, "panoramic: moves and stop only");
            System.err.println((blind ? "rcm blind " : "rcm ") + s.summary());
            return s.summary();
        }
    }

    static Path imitation(StarWorld w, boolean blind, Path run) throws Exception {
        RcmTraining t = RcmTraining.prepare(w.train, w.validation, w.env, TINY.withBlind(blind), 1, 24, FEEDBACK);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainResult r = t.train(config(EPOCHS), run, false, m);
            assertTrue(r.bestMetric() >= 0, r.toString());
        }
        return run.resolve("model.vlm");
    }

    @Test
    void followsInstructionsFarBetterThanTheBlindAgentOnUnseenHousesAndRlFineTunes() throws Exception {
        StarWorld w = new StarWorld(20, 4, 10, 5);
        Path rcm = imitation(w, false, tmp.resolve("rcm"));
        double sr = score(w, rcm, false).get("success_rate");
        double blindSr = score(w, imitation(w, true, tmp.resolve("blind")), true).get("success_rate");
        // chance is 0.25: four rooms, only the words say which
        assertTrue(blindSr < 0.4, "blind cannot know the room (chance 0.25): " + blindSr);
        assertTrue(sr > 0.6 && sr > blindSr + 0.3, "rcm " + sr + " vs blind " + blindSr);

        // RL phase from the imitation bundle: extrinsic reward only here (the speaker critic has its own tests)
        RcmTraining rl = RcmTraining.fromModel(rcm, w.train, w.validation, w.env, 24, Rollout.Feedback.SAMPLE)
                .withRl(RcmRlConfig.defaults(), null);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainResult r = rl.train(config(2), tmp.resolve("rl"), false, m);
            assertTrue(Double.isFinite(r.lastLoss()), r.toString());
        }
        double rlSr = score(w, tmp.resolve("rl").resolve("model.vlm"), false).get("success_rate");
        assertTrue(rlSr > 0.6, "RL fine-tuning keeps the instruction following: " + rlSr);
    }
}
