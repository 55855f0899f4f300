package dev.vlsuite.navigation.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.vlsuite.navigation.api.Instructions;
import dev.vlsuite.navigation.api.Navigator;
import dev.vlsuite.navigation.api.Rollout;
import dev.vlsuite.navigation.api.SpeakerScorer;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.model.RcmConfig;
import dev.vlsuite.navigation.model.RcmNet;
import dev.vlsuite.shared.io.BundleContents;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import dev.vlsuite.shared.train.TrainingLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the rcm agent with the shared training loop (resumable checkpoints, validation SR on the watched split,
 * {@code runDir/model.vlm} of task "navigation", arch "rcm"). Phase 1, imitation:
 * <pre>{@code
 * RcmTraining t = RcmTraining.prepare(train, val, env, RcmConfig.paper(0, 0), 5, 100, Rollout.Feedback.SAMPLE);
 * t.train(trainConfig, runDir, false, manager);
 * }</pre>
 * Phase 2, RL fine-tuning: {@link #fromModel} the imitation bundle (same vocabulary and config), then
 * {@link #withRl} a speaker critic, and train into a new run folder.
 */
public final class RcmTraining {
    private final RcmConfig config;
    private final Vocabulary vocabulary;
    private final Environment env;
    private final List<Episode> train;
    private final List<Episode> validation;
    private final int batchSize;
    private final Rollout.Feedback feedback;
    private final BundleContents init;
    private final RcmRlConfig rl;
    private final SpeakerScorer speaker;

    private RcmTraining(RcmConfig config, Vocabulary vocabulary, Environment env, List<Episode> train, List<Episode> validation,
                        int batchSize, Rollout.Feedback feedback, BundleContents init, RcmRlConfig rl, SpeakerScorer speaker) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.env = env;
        this.train = train;
        this.validation = validation;
        this.batchSize = batchSize;
        this.feedback = feedback;
        this.init = init;
        this.rl = rl;
        this.speaker = speaker;
    }

    /** The vocabulary from the training instructions (words seen at least minWordCount times), V and D into the config. */
    public static RcmTraining prepare(List<Episode> train, List<Episode> validation, Environment env, RcmConfig model,
                                      int minWordCount, int batchSize, Rollout.Feedback feedback) {
        check(train, env, feedback);
        List<List<String>> sentences = new ArrayList<>();
        for (Episode e : train) for (String s : e.instructions()) sentences.add(Instructions.words(s));
        Vocabulary vocabulary = Vocabulary.build(sentences, minWordCount);
        return new RcmTraining(model.withData(vocabulary.size(), env.features().dim()), vocabulary, env, train, validation,
                batchSize, feedback, null, null, null);
    }

    /** Continues from a trained rcm bundle (its config, vocabulary and parameters): the start of the RL phase. */
    public static RcmTraining fromModel(Path bundle, List<Episode> train, List<Episode> validation, Environment env,
                                        int batchSize, Rollout.Feedback feedback) throws IOException {
        check(train, env, feedback);
        BundleContents c = ModelBundle.read(bundle, Navigator.TASK);
        RcmConfig config;
        try {
            config = c.config(RcmConfig.class);
        } catch (IllegalArgumentException e) {
            throw new BundleException(bundle, "is not an rcm model (" + e.getMessage() + ")", e);
        }
        if (config.featureSize() != env.features().dim()) {
            throw new BundleException(bundle, "reads " + config.featureSize() + "-d view features, the data has " + env.features().dim());
        }
        Vocabulary vocabulary = Vocabulary.fromJson(c.vocabulary().toString());
        return new RcmTraining(config, vocabulary, env, train, validation, batchSize, feedback, c, null, null);
    }

    /** The RL phase's settings and its matching critic (null: extrinsic reward only). */
    public RcmTraining withRl(RcmRlConfig newRl, SpeakerScorer critic) {
        return new RcmTraining(config, vocabulary, env, train, validation, batchSize, feedback, init, newRl, critic);
    }

    private static void check(List<Episode> train, Environment env, Rollout.Feedback feedback) {
        if (train.isEmpty()) throw new IllegalArgumentException("no training episode");
        if (feedback == Rollout.Feedback.ARGMAX) throw new IllegalArgumentException("train with teacher or sample feedback");
        if (env.features() == null) throw new IllegalArgumentException("training needs view features");
    }

    public RcmConfig config() {
        return config;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Trains (or, with resume, continues the run in runDir) and writes runDir/model.vlm. */
    public TrainResult train(TrainConfig trainConfig, Path runDir, boolean resume, NDManager manager) throws IOException {
        TrainingLoop loop = new TrainingLoop(trainConfig, runDir);
        RcmNet net = new RcmNet(config);
        boolean resuming = resume && Files.exists(loop.checkpointFile());
        if (resuming) {
            var contents = ModelBundle.read(loop.checkpointFile(), Navigator.TASK);
            if (!Json.MAPPER.readTree(vocabulary.toJson()).equals(contents.vocabulary())
                    || !Json.MAPPER.valueToTree(config).equals(contents.config())) {
                throw new BundleException(loop.checkpointFile(), "was trained with another vocabulary or model config; resume with the same data and options");
            }
        } else if (init != null) {
            net.initialize(manager, DataType.FLOAT32, RcmNet.inputShapes());
            try {
                init.loadParameters(net, manager);
            } catch (MalformedModelException e) {
                throw new IOException("the initial rcm model's parameters do not fit: " + e.getMessage(), e);
            }
        }
        RcmTask task = new RcmTask(net, vocabulary, env, train, validation, batchSize, feedback, rl, speaker, manager);
        return loop.fit(task, manager, resume);
    }
}
