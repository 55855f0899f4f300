package dev.vlsuite.captioning.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.captioning.model.CaptionBatch;
import dev.vlsuite.captioning.model.CaptionNet;
import dev.vlsuite.captioning.model.CaptionNets;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.metrics.CaptionEvaluator;
import dev.vlsuite.shared.metrics.EvaluationReport;
import dev.vlsuite.shared.metrics.Metric;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.TrainingTask;
import dev.vlsuite.shared.vision.FeatureCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Captioning as a shared.train task: every (image, reference caption) pair is one sample per epoch; a batch
 * holds cached features and the captions' ids, &lt;start&gt; w1..wn &lt;end&gt; padded to the batch's longest.
 * Validation greedy-decodes the validation images and reports BLEU-1..4 and CIDEr-D.
 */
final class CaptionTask implements TrainingTask<CaptionTask.Batch> {
    /** One step's data on the host: image files and token rows. */
    record Batch(List<Path> images, long[] tokens, long[] lengths, int width) {}

    private record Sample(int image, int[] ids) {}

    private final CaptionNet net;
    private final Vocabulary vocabulary;
    private final FeatureCache cache;
    private final List<CaptionCorpus.Item> train;
    private final List<CaptionCorpus.Item> validation;
    private final List<Sample> samples = new ArrayList<>();
    private final int batchSize;
    private final NDManager manager;
    private final CaptionEvaluator evaluator = CaptionEvaluator.builder().metrics(Metric.BLEU, Metric.CIDER).build();

    CaptionTask(CaptionNet net, Vocabulary vocabulary, FeatureCache cache, List<CaptionCorpus.Item> train,
                List<CaptionCorpus.Item> validation, int batchSize, NDManager manager) {
        this.net = net;
        this.vocabulary = vocabulary;
        this.cache = cache;
        this.train = train;
        this.validation = validation;
        this.batchSize = batchSize;
        this.manager = manager;
        int maxWords = net.config().maxLength() - 1; // the end token takes one place
        for (int i = 0; i < train.size(); i++) {
            for (List<String> words : train.get(i).words()) {
                List<String> kept = words.size() > maxWords ? words.subList(0, maxWords) : words;
                samples.add(new Sample(i, vocabulary.encode(kept, true)));
            }
        }
        if (samples.isEmpty()) throw new IllegalArgumentException("no training captions (is the train split empty?)");
    }

    @Override
    public String name() {
        return CaptionNets.TASK;
    }

    @Override
    public Block block() {
        return net;
    }

    @Override
    public Shape[] inputShapes() {
        return CaptionNets.inputShapes(net.config());
    }

    @Override
    public long batchesPerEpoch() {
        return (samples.size() + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<Batch> batches(int epoch, Random rng) {
        List<Sample> order = new ArrayList<>(samples);
        Collections.shuffle(order, rng);
        return new Iterator<>() {
            int next = 0;

            @Override
            public boolean hasNext() {
                return next < order.size();
            }

            @Override
            public Batch next() {
                List<Sample> chunk = order.subList(next, Math.min(order.size(), next + batchSize));
                next += chunk.size();
                return batch(chunk);
            }
        };
    }

    private Batch batch(List<Sample> chunk) {
        int width = 0;
        for (Sample s : chunk) width = Math.max(width, s.ids().length);
        long[] tokens = new long[chunk.size() * width]; // <pad> = 0
        long[] lengths = new long[chunk.size()];
        List<Path> images = new ArrayList<>(chunk.size());
        for (int b = 0; b < chunk.size(); b++) {
            int[] ids = chunk.get(b).ids();
            for (int t = 0; t < ids.length; t++) tokens[b * width + t] = ids[t];
            lengths[b] = ids.length - 1; // targets: the words and <end>
            images.add(train.get(chunk.get(b).image()).file());
        }
        return new Batch(images, tokens, lengths, width);
    }

    @Override
    public NDArray loss(ParameterStore ps, NDManager scope, Batch batch, boolean training) {
        int rows = batch.lengths().length;
        NDArray grid = CachedFeatures.batch(cache, net.config(), batch.images(), scope);       // (B, L, D)
        NDArray tokens = scope.create(batch.tokens(), new Shape(rows, batch.width()));          // (B, T+1)
        NDArray lengths = scope.create(batch.lengths());                                        // (B)
        return net.loss(ps, new CaptionBatch(grid, tokens, lengths), training);
    }

    @Override
    public Map<String, Double> validate(ParameterStore ps) {
        if (validation.isEmpty()) return Map.of();
        return ValidationScores.of(validation, new CachedCaptioner(net, vocabulary, cache).captioner(ps, 1, manager), evaluator);
    }

    @Override
    public Object architectureConfig() {
        return net.config();
    }

    @Override
    public JsonNode vocabulary() {
        try {
            return Json.MAPPER.readTree(vocabulary.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
