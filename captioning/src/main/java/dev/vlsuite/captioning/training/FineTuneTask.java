package dev.vlsuite.captioning.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.image.BadImageException;
import dev.vlsuite.shared.image.DecodeOptions;
import dev.vlsuite.shared.image.ImageBatch;
import dev.vlsuite.shared.image.ImageDecoder;
import dev.vlsuite.shared.image.Preprocess;
import dev.vlsuite.shared.metrics.CaptionEvaluator;
import dev.vlsuite.shared.metrics.Metric;
import dev.vlsuite.shared.nn.decode.Decoding;
import dev.vlsuite.shared.nn.decode.Hypothesis;
import dev.vlsuite.shared.nn.decode.StepModel;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.TrainingTask;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Captioning with the CNN fine-tuned: batches are the frozen task's (same captions, same order) but carry pixels,
 * decoded and preprocessed on a worker thread one batch ahead of the step; the loss runs backbone and decoder
 * inside the gradient collector. Validation captions the validation images from pixels through the current CNN
 * (cached features would be stale). The CNN's parameters learn at {@code cnnLrScale} times the decoder's rate.
 */
final class FineTuneTask implements TrainingTask<FineTuneTask.PixelBatch> {
    private static final int VALIDATION_CHUNK = 16;

    /** A caption batch and its (B * 3 * S * S) pixels, being decoded. */
    record PixelBatch(CaptionTask.Batch captions, Future<float[]> pixels) {}

    private final CaptionTask captions;
    private final FineTuneNet net;
    private final Vocabulary vocabulary;
    private final List<CaptionCorpus.Item> validation;
    private final double cnnLrScale;
    private final Preprocess preprocess;
    private final ImageDecoder decoder = new ImageDecoder(DecodeOptions.defaults());
    private final ExecutorService worker;
    private final NDManager manager;
    private final CaptionEvaluator evaluator = CaptionEvaluator.builder().metrics(Metric.BLEU, Metric.CIDER).build();

    FineTuneTask(CaptionTask captions, FineTuneNet net, Vocabulary vocabulary, List<CaptionCorpus.Item> validation,
                 double cnnLrScale, NDManager manager) {
        this.captions = captions;
        this.net = net;
        this.vocabulary = vocabulary;
        this.validation = validation;
        this.cnnLrScale = cnnLrScale;
        this.preprocess = Preprocess.imagenet(net.decoder().config().imageSize());
        this.manager = manager;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vlsuite-finetune-decode");
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops the decoding thread. */
    void shutdown() {
        worker.shutdownNow();
    }

    @Override
    public String name() {
        return captions.name();
    }

    @Override
    public Block block() {
        return net;
    }

    @Override
    public Shape[] inputShapes() {
        int s = preprocess.size();
        return new Shape[] {new Shape(1, 3, s, s)};
    }

    @Override
    public long batchesPerEpoch() {
        return captions.batchesPerEpoch();
    }

    @Override
    public double lrScale(String parameterName) {
        return FineTuneNet.isBackboneParameter(parameterName) ? cnnLrScale : 1.0;
    }

    @Override
    public Iterator<PixelBatch> batches(int epoch, Random rng) {
        Iterator<CaptionTask.Batch> inner = captions.batches(epoch, rng);
        return new Iterator<>() {
            PixelBatch ahead = inner.hasNext() ? start(inner.next()) : null;

            @Override
            public boolean hasNext() {
                return ahead != null;
            }

            @Override
            public PixelBatch next() {
                PixelBatch current = ahead;
                ahead = inner.hasNext() ? start(inner.next()) : null; // decoded while the current step runs
                return current;
            }
        };
    }

    private PixelBatch start(CaptionTask.Batch batch) {
        return new PixelBatch(batch, worker.submit(() -> pixels(batch.images())));
    }

    /** Decoded, preprocessed images laid out as (N, 3, S, S). */
    private float[] pixels(List<Path> images) throws BadImageException {
        int plane = 3 * preprocess.size() * preprocess.size();
        float[] all = new float[images.size() * plane];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(preprocess.toChw(decoder.decode(images.get(i))), 0, all, i * plane, plane);
        }
        return all;
    }

    @Override
    public NDArray loss(ParameterStore ps, NDManager scope, PixelBatch batch, boolean training) {
        CaptionTask.Batch c = batch.captions();
        int rows = c.lengths().length;
        int s = preprocess.size();
        NDArray pixels = scope.create(await(batch.pixels()), new Shape(rows, 3, s, s));   // (B, 3, S, S)
        NDArray tokens = scope.create(c.tokens(), new Shape(rows, c.width()));              // (B, T+1)
        NDArray lengths = scope.create(c.lengths());                                        // (B)
        return net.loss(ps, pixels, tokens, lengths, training);
    }

    private static float[] await(Future<float[]> pixels) {
        try {
            return pixels.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding a training batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a training image cannot be decoded: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public Map<String, Double> validate(ParameterStore ps) {
        if (validation.isEmpty()) return Map.of();
        Map<String, String> out = new LinkedHashMap<>();
        var options = new dev.vlsuite.shared.nn.decode.DecodeOptions(Vocabulary.START_ID, Vocabulary.END_ID,
                net.decoder().config().maxLength());
        @SuppressWarnings({"unchecked", "rawtypes"})
        StepModel model = net.decoder().decoder(ps);
        for (int from = 0; from < validation.size(); from += VALIDATION_CHUNK) {
            List<CaptionCorpus.Item> chunk = validation.subList(from, Math.min(validation.size(), from + VALIDATION_CHUNK));
            try (NDManager scope = manager.newSubManager()) {
                ImageBatch batch = new ImageBatch(preprocess.size());
                for (CaptionCorpus.Item item : chunk) batch.add(preprocess.toChw(decoder.decode(item.file())));
                NDArray grid = net.features(ps, batch.toNDArray(scope), false);            // (B, L, D)
                @SuppressWarnings("unchecked")
                List<List<Hypothesis>> hyps = Decoding.greedy(model, new NDList(grid), options);
                for (int i = 0; i < chunk.size(); i++) {
                    out.put(chunk.get(i).id(), String.join(" ", vocabulary.decode(hyps.get(i).get(0).contentTokens())));
                }
            } catch (BadImageException e) {
                throw new IllegalStateException("a validation image cannot be decoded: " + e.getMessage(), e);
            }
        }
        return new LinkedHashMap<>(CachedCaptioner.score(evaluator, validation, out).corpus());
    }

    @Override
    public Object architectureConfig() {
        return captions.architectureConfig();
    }

    @Override
    public JsonNode vocabulary() {
        return captions.vocabulary();
    }
}
