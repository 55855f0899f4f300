package dev.vlsuite.vqa.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.TrainingTask;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.vqa.api.ImageFeatures;
import dev.vlsuite.vqa.data.QuestionIds;
import dev.vlsuite.vqa.model.VqaNet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * VQA as a shared.train task: each (question, target) sample once per epoch in a seeded shuffle; a batch holds
 * right-aligned question ids, cached image features and the target distributions. Validation answers the
 * validation questions and reports the official accuracy ("accuracy", 0-100).
 */
final class VqaTask implements TrainingTask<VqaTask.Batch> {
    /** One labelled question ready for batching. */
    record Sample(int[] question, Path image, float[] target) {}

    /** One step's host data. */
    record Batch(List<Sample> samples) {}

    static final String TASK = "vqa";
    static final String METRIC = "accuracy";

    private final VqaNet net;
    private final Vocabulary questionVocab;
    private final Vocabulary answerVocab;
    private final FeatureCache cache;
    private final List<Sample> samples;
    private final List<dev.vlsuite.vqa.data.VqaItem> validation;
    private final int batchSize;
    private final NDManager manager;

    VqaTask(VqaNet net, Vocabulary questionVocab, Vocabulary answerVocab, FeatureCache cache, List<Sample> samples,
            List<dev.vlsuite.vqa.data.VqaItem> validation, int batchSize, NDManager manager) {
        this.net = net;
        this.questionVocab = questionVocab;
        this.answerVocab = answerVocab;
        this.cache = cache;
        this.samples = samples;
        this.validation = validation;
        this.batchSize = batchSize;
        this.manager = manager;
    }

    @Override
    public String name() {
        return TASK;
    }

    @Override
    public Block block() {
        return net;
    }

    @Override
    public Shape[] inputShapes() {
        return VqaNet.inputShapes(net.config());
    }

    @Override
    public long batchesPerEpoch() {
        return (samples.size() + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<Batch> batches(int epoch, Random rng) {
        List<Integer> order = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) order.add(i);
        Collections.shuffle(order, rng);
        return new Iterator<>() {
            int next = 0;

            @Override
            public boolean hasNext() {
                return next < order.size();
            }

            @Override
            public Batch next() {
                List<Sample> b = new ArrayList<>(batchSize);
                for (int end = Math.min(order.size(), next + batchSize); next < end; next++) b.add(samples.get(order.get(next)));
                return new Batch(b);
            }
        };
    }

    @Override
    public NDArray loss(ParameterStore ps, NDManager scope, Batch batch, boolean training) {
        List<Sample> s = batch.samples();
        int[] width = new int[1];
        long[] ids = QuestionIds.rightAligned(s.stream().map(Sample::question).toList(), width);
        NDArray questions = scope.create(ids, new Shape(s.size(), width[0]));                          // (B, T)
        NDArray image = ImageFeatures.cached(cache, s.stream().map(Sample::image).toList(), net.config(), scope); // (B, L, D)
        int a = answerVocab.size();
        float[] t = new float[s.size() * a];
        for (int i = 0; i < s.size(); i++) System.arraycopy(s.get(i).target(), 0, t, i * a, a);
        NDArray targets = scope.create(t, new Shape(s.size(), a));                                     // (B, A)
        return net.loss(ps, questions, image, targets, training);
    }

    @Override
    public Map<String, Double> validate(ParameterStore ps) {
        if (validation.isEmpty()) return Map.of();
        var answers = CachedAnswers.answer(net, ps, questionVocab, answerVocab, cache, validation, 256, manager);
        return Map.of(METRIC, CachedAnswers.accuracy(validation, answers));
    }

    @Override
    public Object architectureConfig() {
        return net.config();
    }

    @Override
    public JsonNode vocabulary() {
        try {
            ObjectNode both = Json.MAPPER.createObjectNode();
            both.set("questions", Json.MAPPER.readTree(questionVocab.toJson()));
            both.set("answers", Json.MAPPER.readTree(answerVocab.toJson()));
            return both;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
