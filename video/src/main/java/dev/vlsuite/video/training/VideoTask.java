package dev.vlsuite.video.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.metrics.CaptionEvaluator;
import dev.vlsuite.shared.metrics.Metric;
import dev.vlsuite.shared.nn.decode.TextDecoding;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.CaptionBatches;
import dev.vlsuite.shared.train.TrainingTask;
import dev.vlsuite.video.api.VideoDecoding;
import dev.vlsuite.video.api.VideoFeatures;
import dev.vlsuite.video.model.VideoNet;
import dev.vlsuite.video.model.VideoNets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Video captioning as a shared.train task: every (video, reference caption) pair is one sample per epoch; a batch
 * holds the videos' frame features (B, N, F) and the captions' ids padded to the batch's longest. Validation
 * greedy-decodes the validation videos and reports BLEU-1..4 and CIDEr-D (shared.metrics).
 */
final class VideoTask implements TrainingTask<VideoTask.Batch> {
    /** One step's data on the host. */
    record Batch(float[] frames, int rows, long[] tokens, long[] lengths, int width) {}

    private static final int DECODE_BATCH = 32;

    private final VideoNet net;
    private final Vocabulary vocabulary;
    private final List<VideoTraining.Video> train;
    private final List<VideoTraining.Video> validation;
    private final CaptionBatches samples;
    private final NDManager manager;
    private final CaptionEvaluator evaluator = CaptionEvaluator.builder().metrics(Metric.BLEU, Metric.CIDER).build();

    VideoTask(VideoNet net, Vocabulary vocabulary, List<VideoTraining.Video> train, List<VideoTraining.Video> validation,
              int batchSize, NDManager manager) {
        this.net = net;
        this.vocabulary = vocabulary;
        this.train = train;
        this.validation = validation;
        this.manager = manager;
        this.samples = new CaptionBatches(train.stream().map(t -> t.words()).toList(), vocabulary,
                net.config().maxLength(), batchSize);
    }

    @Override
    public String name() {
        return VideoNets.TASK;
    }

    @Override
    public Block block() {
        return net;
    }

    @Override
    public Shape[] inputShapes() {
        return VideoNets.inputShapes(net.config());
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
        int per = net.config().frames() * net.config().featureSize();
        float[] frames = new float[rows.size() * per];
        for (int b = 0; b < rows.size(); b++) {
            System.arraycopy(train.get(rows.items()[b]).features().data(), 0, frames, b * per, per);
        }
        return new Batch(frames, rows.size(), rows.tokens(), rows.lengths(), rows.width());
    }

    @Override
    public NDArray loss(ParameterStore ps, NDManager scope, Batch batch, boolean training) {
        var c = net.config();
        NDArray frames = scope.create(batch.frames(), new Shape(batch.rows(), c.frames(), c.featureSize())); // (B, N, F)
        NDArray tokens = scope.create(batch.tokens(), new Shape(batch.rows(), batch.width()));               // (B, T+1)
        NDArray lengths = scope.create(batch.lengths());                                                     // (B)
        return net.loss(ps, frames, tokens, lengths, training);
    }

    @Override
    public Map<String, Double> validate(ParameterStore ps) {
        if (validation.isEmpty()) return Map.of();
        Map<String, List<String>> refs = new LinkedHashMap<>();
        Map<String, String> candidates = new LinkedHashMap<>();
        for (int i = 0; i < validation.size(); i += DECODE_BATCH) {
            List<VideoTraining.Video> chunk = validation.subList(i, Math.min(validation.size(), i + DECODE_BATCH));
            List<VideoFeatures> feats = chunk.stream().map(VideoTraining.Video::features).toList();
            List<TextDecoding.Text> texts = VideoDecoding.decode(net, vocabulary, feats, 1, net.config().maxLength(), manager);
            for (int j = 0; j < chunk.size(); j++) {
                refs.put(chunk.get(j).id(), chunk.get(j).captions());
                candidates.put(chunk.get(j).id(), texts.get(j).text());
            }
        }
        return new LinkedHashMap<>(evaluator.evaluate(refs, candidates).corpus());
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
