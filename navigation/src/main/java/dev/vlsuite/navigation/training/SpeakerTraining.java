package dev.vlsuite.navigation.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.navigation.api.Instructions;
import dev.vlsuite.navigation.api.SpeakerInputs;
import dev.vlsuite.navigation.api.SpeakerScorer;
import dev.vlsuite.navigation.env.AgentState;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.model.SpeakerConfig;
import dev.vlsuite.navigation.model.SpeakerNet;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import dev.vlsuite.shared.train.TrainingLoop;
import dev.vlsuite.shared.train.TrainingTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Pre-trains rcm's speaker (the matching critic) by teacher forcing on the training episodes' ground-truth paths,
 * walked in the panoramic space: loss = mean -log p per word; validation {@code word_nll} on held-out episodes
 * (lower is better; a uniform guess scores ln V, reported as {@code uniform_word_nll}). Writes
 * {@code runDir/model.vlm} of task {@value SpeakerScorer#TASK}.
 */
public final class SpeakerTraining {
    private final SpeakerConfig config;
    private final Vocabulary vocabulary;
    private final Environment env;
    private final List<Episode> train;
    private final List<Episode> validation;
    private final int batchSize;

    private SpeakerTraining(SpeakerConfig config, Vocabulary vocabulary, Environment env, List<Episode> train,
                            List<Episode> validation, int batchSize) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.env = env;
        this.train = train;
        this.validation = validation;
        this.batchSize = batchSize;
    }

    public static SpeakerTraining prepare(List<Episode> train, List<Episode> validation, Environment env, SpeakerConfig model,
                                          int minWordCount, int batchSize) {
        if (train.isEmpty()) throw new IllegalArgumentException("no training episode");
        if (env.features() == null) throw new IllegalArgumentException("training needs view features");
        List<List<String>> sentences = new ArrayList<>();
        for (Episode e : train) for (String s : e.instructions()) sentences.add(Instructions.words(s));
        Vocabulary vocabulary = Vocabulary.build(sentences, minWordCount);
        return new SpeakerTraining(model.withData(vocabulary.size(), env.features().dim()), vocabulary, env, train, validation, batchSize);
    }

    public SpeakerConfig config() {
        return config;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public TrainResult train(TrainConfig trainConfig, Path runDir, boolean resume, NDManager manager) throws IOException {
        TrainingLoop loop = new TrainingLoop(trainConfig, runDir);
        if (resume && Files.exists(loop.checkpointFile())) {
            var contents = ModelBundle.read(loop.checkpointFile(), SpeakerScorer.TASK);
            if (!Json.MAPPER.readTree(vocabulary.toJson()).equals(contents.vocabulary())
                    || !config.equals(contents.config(SpeakerConfig.class))) {
                throw new BundleException(loop.checkpointFile(), "was trained with another vocabulary or model config; resume with the same data and options");
            }
        }
        return loop.fit(new Task(manager), manager, resume);
    }

    /** One instruction with the states of its ground-truth path. */
    private record Sample(List<AgentState> states, int[] tokens) {}

    private List<Sample> samples(List<Episode> episodes) {
        List<Sample> out = new ArrayList<>();
        for (Episode e : episodes) {
            List<AgentState> walk = SpeakerInputs.walk(env, env.start(e), e.path());
            for (String s : e.instructions()) out.add(new Sample(walk, SpeakerInputs.tokens(vocabulary, s, config)));
        }
        return out;
    }

    private final class Task implements TrainingTask<List<Sample>> {
        private final SpeakerNet net = new SpeakerNet(config);
        private final List<Sample> trainSamples = samples(train);
        private final List<Sample> valSamples = samples(validation);
        private final NDManager manager;

        Task(NDManager manager) {
            this.manager = manager;
        }

        @Override
        public String name() {
            return SpeakerScorer.TASK;
        }

        @Override
        public Block block() {
            return net;
        }

        @Override
        public Shape[] inputShapes() {
            return SpeakerNet.inputShapes(config);
        }

        @Override
        public Iterator<List<Sample>> batches(int epoch, Random rng) {
            List<Sample> order = new ArrayList<>(trainSamples);
            Collections.shuffle(order, rng);
            List<List<Sample>> out = new ArrayList<>();
            for (int from = 0; from < order.size(); from += batchSize) out.add(order.subList(from, Math.min(order.size(), from + batchSize)));
            return out.iterator();
        }

        @Override
        public long batchesPerEpoch() {
            return (trainSamples.size() + batchSize - 1) / batchSize;
        }

        @Override
        public NDArray loss(ParameterStore ps, NDManager scope, List<Sample> batch, boolean training) {
            return nll(ps, scope, batch, training).mean();
        }

        private NDArray nll(ParameterStore ps, NDManager scope, List<Sample> batch, boolean training) {
            SpeakerInputs.Batch b = SpeakerInputs.batch(scope, env, batch.stream().map(Sample::states).toList(),
                    batch.stream().map(Sample::tokens).toList(), config.featureSize());
            return net.wordNll(ps, b.traj(), b.trajMask(), b.tokens(), b.lengths(), training);   // (B)
        }

        @Override
        public Map<String, Double> validate(ParameterStore ps) {
            Map<String, Double> m = new LinkedHashMap<>();
            if (valSamples.isEmpty()) return m;
            double sum = 0;
            for (int from = 0; from < valSamples.size(); from += batchSize) {
                try (NDManager scope = manager.newSubManager()) {
                    float[] v = nll(ps, scope, valSamples.subList(from, Math.min(valSamples.size(), from + batchSize)), false).toFloatArray();
                    for (float x : v) sum += x;
                }
            }
            m.put("word_nll", sum / valSamples.size());
            m.put("uniform_word_nll", Math.log(config.vocabSize()));
            return m;
        }

        @Override
        public Object architectureConfig() {
            return config;
        }

        @Override
        public JsonNode vocabulary() {
            try {
                return Json.MAPPER.readTree(vocabulary.toJson());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
