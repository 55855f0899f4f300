package dev.vlsuite.navigation.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.vlsuite.navigation.api.Navigator;
import dev.vlsuite.navigation.api.Rollout;
import dev.vlsuite.navigation.api.RolloutBeam;
import dev.vlsuite.navigation.api.Route;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.Trajectory;
import dev.vlsuite.shared.train.TrainConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beam search over trajectories on a briefly trained tiny agent ({@link StarWorld}): beam 1 is greedy decoding (same
 * routes, batched or not), and a wider beam's best summed log-probability is at least greedy's.
 */
class Seq2SeqBeamTest {
    @TempDir static Path tmp;
    static StarWorld w;
    static Path model;

    @BeforeAll
    static void train() throws Exception {
        w = new StarWorld(8, 2, 4, 9);
        NavTraining t = NavTraining.prepare(w.train, w.validation, w.env,
                Seq2SeqLearningTest.TINY.withSizes(16, 32, 8, 0), 1, 24, Rollout.Feedback.TEACHER);
        // a few epochs: the distributions are peaked but not yet one-hot, so beams can disagree with greedy
        TrainConfig tc = TrainConfig.defaults().withEpochs(4).withLr(2e-2, null).withSeed(3)
                .withValidation(0, "success_rate", TrainConfig.Goal.MAX, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            t.train(tc, tmp.resolve("run"), false, m);
        }
        model = tmp.resolve("run").resolve("model.vlm");
    }

    @Test
    void beamOneIsGreedy() throws Exception {
        try (Navigator nav = Navigator.load(model)) {
            List<Trajectory> greedy = nav.run(w.env, w.heldOut, 16);
            List<Trajectory> beam1 = nav.runBeam(w.env, w.heldOut, 1);
            assertEquals(greedy.size(), beam1.size());
            for (int k = 0; k < greedy.size(); k++) assertEquals(greedy.get(k), beam1.get(k), greedy.get(k).instrId());
            Episode e = w.heldOut.get(0);
            Route one = nav.follow(w.env, w.env.start(e), e.instructions().get(0));
            List<RolloutBeam.Scored> b = nav.followBeam(w.env, w.env.start(e), e.instructions().get(0), 1);
            assertEquals(1, b.size());
            assertEquals(one.actions(), b.get(0).route().actions());
            assertEquals(one.states(), b.get(0).route().states());
            assertEquals(one.actions().size(), b.get(0).route().attention().size(), "attention at every step");
            assertTrue(b.get(0).logProb() < 0, "a summed log-probability: " + b.get(0).logProb());
        }
    }

    @Test
    void widerBeamFindsTrajectoriesAtLeastAsLikelyAsGreedy() throws Exception {
        int better = 0, n = 0;
        try (Navigator nav = Navigator.load(model)) {
            for (Episode e : w.heldOut) {
                for (String text : e.instructions()) {
                    double greedy = nav.followBeam(w.env, w.env.start(e), text, 1).get(0).logProb();
                    List<RolloutBeam.Scored> beam = nav.followBeam(w.env, w.env.start(e), text, 4);
                    assertTrue(beam.size() >= 1 && beam.size() <= 4, "at most K finished: " + beam.size());
                    for (int k = 1; k < beam.size(); k++) assertTrue(beam.get(k - 1).logProb() >= beam.get(k).logProb(), "best first");
                    double best = beam.get(0).logProb();
                    assertTrue(best >= greedy - 1e-6, e.pathId() + ": beam " + best + " < greedy " + greedy);
                    if (best > greedy + 1e-6) better++;
                    n++;
                }
            }
        }
        System.err.println("beam 4 beats greedy's log-probability on " + better + " of " + n + " instructions");
        assertTrue(better > 0, "the beam never found a likelier trajectory than greedy on " + n + " instructions: it does not search");
    }
}
