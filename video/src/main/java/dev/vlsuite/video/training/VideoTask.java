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
import dev.vlsuite.shared.train.TrainingTask;
import dev.vlsuite.video.api.VideoDecoding;
import dev.vlsuite.video.api.VideoFeatures;
import dev.vlsuite.video.model.VideoNet;
import dev.vlsuite.video.model.VideoNets;
import java.util.ArrayList;
import java.util.Collections;
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

    private record Sample(int video, int[] ids) {}

    private static final int DECODE_BATCH = 32;

    private final VideoNet net;
    private final Vocabulary vocabulary;
    private final List<VideoTraining.Video> train;
    private final List<VideoTraining.Video> validation;
    private final List<Sample> samples = new ArrayList<>();
    private final int batchSize;
    private final NDManager manager;
    private final CaptionEvaluator evaluator = CaptionEvaluator.builder().metrics(Metric.BLEU, Metric.CIDER).build();

    VideoTask(VideoNet net, Vocabulary vocabulary, List<VideoTraining.Video> train, List<VideoTraining.Video> validation,
              int batchSize, NDManager manager) {
        this.net = net;
        this.vocabulary = vocabulary;
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
        int per = net.config().frames() * net.config().featureSize();
        float[] frames = new float[chunk.size() * per];
        long[] tokens = new long[chunk.size() * width]; // <pad> = 0
        long[] lengths = new long[chunk.size()];
        for (int b = 0; b < chunk.size(); b++) {
            int[] ids = chunk.get(b).ids();
            for (int t = 0; t < ids.length; t++) tokens[b * width + t] = ids[t];
            lengths[b] = ids.length - 1; // targets: the words and <end>
            System.arraycopy(train.get(chunk.get(b).video()).features().data(), 0, frames, b * per, per);
        }
        return new Batch(frames, chunk.size(), tokens, lengths, width);
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
