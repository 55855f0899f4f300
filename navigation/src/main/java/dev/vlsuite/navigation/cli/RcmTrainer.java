package dev.vlsuite.navigation.cli;

import ai.djl.ndarray.NDManager;
import dev.vlsuite.navigation.api.Rollout;
import dev.vlsuite.navigation.api.SpeakerScorer;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.model.RcmConfig;
import dev.vlsuite.navigation.model.SpeakerConfig;
import dev.vlsuite.navigation.training.RcmRlConfig;
import dev.vlsuite.navigation.training.RcmTraining;
import dev.vlsuite.navigation.training.SpeakerTraining;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code navigate train --arch rcm|speaker}: the rcm agent's two phases and its speaker, from TrainCommand's options. */
final class RcmTrainer {
    /** Panoramic actions are hops: speaker-follower's 10 per episode unless --max-actions says otherwise. */
    static final int PANORAMIC_MAX_ACTIONS = 10;

    private final TrainCommand o;
    private final PrintWriter err;

    RcmTrainer(TrainCommand options, PrintWriter err) {
        this.o = options;
        this.err = err;
    }

    TrainResult train(List<Episode> train, List<Episode> val, Environment env, TrainConfig tc, Path runDir, NDManager manager) throws IOException {
        Rollout.Feedback fb = o.feedback.equals("teacher") ? Rollout.Feedback.TEACHER : Rollout.Feedback.SAMPLE;
        if (o.arch.equals("speaker")) {
            SpeakerConfig sc = SpeakerConfig.paper(0, 0).withSizes(o.embed, o.hidden, o.dropout);
            SpeakerTraining t = SpeakerTraining.prepare(train, val, env, sc, o.minCount, o.batch);
            err.printf(Locale.ROOT, "train: speaker, %d-d view features, vocabulary %d words, %d training and %d validation episodes, run folder %s%n",
                    t.config().featureSize(), t.vocabulary().size(), train.size(), val.size(), runDir);
            err.flush();
            return t.train(tc, runDir, o.resume, manager);
        }
        boolean explicitMax = o.spec.commandLine().getParseResult().hasMatchedOption("--max-actions");
        RcmTraining t;
        SpeakerScorer critic = null;
        try {
            if (o.rl) {
                t = RcmTraining.fromModel(o.init, train, val, env, o.batch, fb);
                if (o.speaker != null) critic = SpeakerScorer.load(o.speaker, manager.getDevice());
                t = t.withRl(RcmRlConfig.defaults().withMlWeight(o.mlWeight).withIntrinsicWeight(o.intrinsicWeight), critic);
            } else {
                RcmConfig model = RcmConfig.paper(0, 0).withSizes(o.embed, o.hidden, o.dropout)
                        .withMaxActions(explicitMax ? o.maxActions : PANORAMIC_MAX_ACTIONS).withBlind(o.blind);
                t = RcmTraining.prepare(train, val, env, model, o.minCount, o.batch, fb);
            }
            err.printf(Locale.ROOT, "train: rcm%s%s, %d-d view features, vocabulary %d words, %d training and %d validation episodes, run folder %s%n",
                    t.config().blind() ? " (instruction-blind)" : "", o.rl ? " RL fine-tuning of " + o.init + (critic != null ? " with the speaker critic " + o.speaker : " (no speaker: extrinsic reward only)") : " imitation",
                    t.config().featureSize(), t.vocabulary().size(), train.size(), val.size(), runDir);
            err.flush();
            return t.train(tc, runDir, o.resume, manager);
        } finally {
            if (critic != null) critic.close();
        }
    }
}
