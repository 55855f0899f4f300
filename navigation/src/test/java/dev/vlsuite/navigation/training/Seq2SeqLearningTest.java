package dev.vlsuite.navigation.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.vlsuite.navigation.api.Navigator;
import dev.vlsuite.navigation.api.Rollout;
import dev.vlsuite.navigation.api.Route;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.Trajectories;
import dev.vlsuite.navigation.env.Trajectory;
import dev.vlsuite.navigation.metrics.R2RScorer;
import dev.vlsuite.navigation.metrics.Scores;
import dev.vlsuite.navigation.model.Seq2SeqConfig;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seq2seq agent learns to follow instructions: on unseen houses ({@link StarWorld}) it succeeds far more often than
 * the same net trained blind. Tiny sizes and teacher forcing (the baseline trains with sampled actions: slower to
 * converge, kept for {@code navigate train}); -Dnav.epochs/-Dnav.lr/-Dnav.feedback/-Dnav.dropout/-Dnav.log for experiments.
 */
class Seq2SeqLearningTest {
    @TempDir Path tmp;

    static final Seq2SeqConfig TINY = Seq2SeqConfig.paper(0, 0).withSizes(16, 64, 8, Double.parseDouble(System.getProperty("nav.dropout", "0"))).withMaxActions(12);

    Map<String, Double> trainAndScore(StarWorld w, boolean blind, Path run) throws Exception {
        NavTraining t = NavTraining.prepare(w.train, w.validation, w.env, TINY.withBlind(blind), 1, 24, FEEDBACK);
        TrainConfig tc = TrainConfig.defaults().withEpochs(EPOCHS).withLr(LR, null).withSeed(11)
                .withValidation(0, "success_rate", TrainConfig.Goal.MAX, 0).withLogEvery(10);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainResult r = t.train(tc, run, false, m);
            if (Boolean.getBoolean("nav.log")) System.err.println(java.nio.file.Files.readString(run.resolve("metrics.jsonl")));
            assertTrue(r.bestMetric() >= 0, r.toString());
        }
        try (Navigator nav = Navigator.load(run.resolve("model.vlm"))) {
            assertEquals(blind, nav.config().blind());
            List<Trajectory> out = nav.run(w.env, w.heldOut, 32);
            Scores s = new R2RScorer(w.heldOut, w.env.connectivity()).score(out.stream()
                    .map(x -> new Trajectories.Entry(x.instrId(), x.steps(), null)).toList());
            assertTrue(s.official(), s.problems().toString());
            if (!blind) {
                Episode e = w.heldOut.get(0);
                Route route = nav.follow(w.env, w.env.start(e), e.instructions().get(0));
                assertEquals(route.actions().size(), route.attention().size(), "attention over the words at every step");
            }
            System.err.println((blind ? "blind " : "seq2seq ") + s.summary());
            return s.summary();
        }
    }

    static final int EPOCHS = Integer.getInteger("nav.epochs", 30);
    static final double LR = Double.parseDouble(System.getProperty("nav.lr", "2e-2"));
    static final Rollout.Feedback FEEDBACK = Rollout.Feedback.valueOf(System.getProperty("nav.feedback", "TEACHER"));

    @Test
    void followsInstructionsFarBetterThanTheBlindAgentOnUnseenHouses() throws Exception {
        StarWorld w = new StarWorld(20, 4, 10, 5);
        Map<String, Double> seq = trainAndScore(w, false, tmp.resolve("seq2seq"));
        Map<String, Double> blind = trainAndScore(w, true, tmp.resolve("blind"));
        double sr = seq.get("success_rate"), blindSr = blind.get("success_rate");
        // measured (seed 11, 300 teacher-forced steps, 120 held-out instructions, one PyTorch thread: navigation's
        // surefire argLine), the encoder reading words only: seq2seq 0.542, blind 0.20, identical alone (load average
        // 30) and within the whole navigation suite (2026-12-01).
        // Earlier versions: 0.575 alone and 0.425 once in a full `mvn verify` (encoder over left pads); with batches of
        // one length, identical numbers in two runs under load. No source of run-to-run variation was found (seeds per
        // step, one thread, ordered maps), so the bounds keep a margin. A net that ignores the words stays at chance
        // (0.25) or below and fails both.
        assertTrue(blindSr < 0.4, "blind cannot know the room (chance 0.25): " + blindSr);
        assertTrue(sr >= 0.45 && sr > blindSr + 0.2, "seq2seq " + sr + " vs blind " + blindSr);
    }
}
