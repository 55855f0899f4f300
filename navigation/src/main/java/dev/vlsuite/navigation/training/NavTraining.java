package dev.vlsuite.navigation.training;

import ai.djl.ndarray.NDManager;
import dev.vlsuite.navigation.api.Instructions;
import dev.vlsuite.navigation.api.Navigator;
import dev.vlsuite.navigation.api.Rollout;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.model.Seq2SeqConfig;
import dev.vlsuite.navigation.model.Seq2SeqNet;
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
 * Trains the seq2seq agent on R2R episodes with the shared training loop (resumable checkpoints, validation,
 * early stopping on the watched metric, {@code runDir/model.vlm} of task "navigation"):
 * <pre>{@code
 * NavTraining t = NavTraining.prepare(trainEpisodes, valEpisodes, env, Seq2SeqConfig.paper(0, 0), 5, 100, Rollout.Feedback.SAMPLE);
 * TrainResult r = t.train(TrainConfig.defaults(), runDir, resume, manager);
 * }</pre>
 */
public final class NavTraining {
    private final Seq2SeqConfig config;
    private final Vocabulary vocabulary;
    private final Environment env;
    private final List<Episode> train;
    private final List<Episode> validation;
    private final int batchSize;
    private final Rollout.Feedback feedback;

    private NavTraining(Seq2SeqConfig config, Vocabulary vocabulary, Environment env, List<Episode> train,
                        List<Episode> validation, int batchSize, Rollout.Feedback feedback) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.env = env;
        this.train = train;
        this.validation = validation;
        this.batchSize = batchSize;
        this.feedback = feedback;
    }

    /** The vocabulary from the training instructions (words seen at least minWordCount times), V and D into the config. */
    public static NavTraining prepare(List<Episode> train, List<Episode> validation, Environment env, Seq2SeqConfig model,
                                      int minWordCount, int batchSize, Rollout.Feedback feedback) {
        if (train.isEmpty()) throw new IllegalArgumentException("no training episode");
        if (feedback == Rollout.Feedback.ARGMAX) throw new IllegalArgumentException("train with teacher or sample feedback");
        if (env.features() == null) throw new IllegalArgumentException("training needs view features");
        List<List<String>> sentences = new ArrayList<>();
        for (Episode e : train) for (String s : e.instructions()) sentences.add(Instructions.words(s));
        Vocabulary vocabulary = Vocabulary.build(sentences, minWordCount);
        Seq2SeqConfig config = model.withData(vocabulary.size(), env.features().dim());
        return new NavTraining(config, vocabulary, env, train, validation, batchSize, feedback);
    }

    public Seq2SeqConfig config() {
        return config;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Trains (or, with resume, continues the run in runDir) and writes runDir/model.vlm. */
    public TrainResult train(TrainConfig trainConfig, Path runDir, boolean resume, NDManager manager) throws IOException {
        TrainingLoop loop = new TrainingLoop(trainConfig, runDir);
        NavTask task = new NavTask(new Seq2SeqNet(config), vocabulary, env, train, validation, batchSize, feedback, manager);
        if (resume && Files.exists(loop.checkpointFile())) {
            var contents = ModelBundle.read(loop.checkpointFile(), Navigator.TASK);
            if (!Json.MAPPER.readTree(vocabulary.toJson()).equals(contents.vocabulary())
                    || !config.equals(contents.config(Seq2SeqConfig.class))) {
                throw new BundleException(loop.checkpointFile(), "was trained with another vocabulary or model config; resume with the same data and options");
            }
        }
        return loop.fit(task, manager, resume);
    }
}
