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
import dev.vlsuite.shared.train.CaptionBatches;
import dev.vlsuite.shared.train.TrainingTask;
import dev.vlsuite.shared.vision.FeatureCache;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private final CaptionNet net;
    private final Vocabulary vocabulary;
    private final FeatureCache cache;
    private final List<CaptionCorpus.Item> train;
    private final List<CaptionCorpus.Item> validation;
    private final CaptionBatches samples;
    private final NDManager manager;
    private final CaptionEvaluator evaluator = CaptionEvaluator.builder().metrics(Metric.BLEU, Metric.CIDER).build();

    CaptionTask(CaptionNet net, Vocabulary vocabulary, FeatureCache cache, List<CaptionCorpus.Item> train,
                List<CaptionCorpus.Item> validation, int batchSize, NDManager manager) {
        this.net = net;
        this.vocabulary = vocabulary;
        this.cache = cache;
        this.train = train;
        this.validation = validation;
        this.manager = manager;
        this.samples = new CaptionBatches(train.stream().map(t -> t.words()).toList(), vocabulary,
                net.config().maxLength(), batchSize);
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
        return samples.batchesPerEpoch();
    }

    @Override
    public Iterator<Batch> batches(int epoch, Random rng) {
        return samples.epoch(rng, this::batch);
    }

    private Batch batch(CaptionBatches.Rows rows) {
        List<Path> images = new ArrayList<>(rows.size());
        for (int item : rows.items()) images.add(train.get(item).file());
        return new Batch(images, rows.tokens(), rows.lengths(), rows.width());
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
