package dev.vlsuite.captioning.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.captioning.api.Caption;
import dev.vlsuite.captioning.api.CaptionOutcome;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.shared.image.BadImageException;
import dev.vlsuite.shared.image.DecodeOptions;
import dev.vlsuite.shared.image.ImageBatch;
import dev.vlsuite.shared.image.ImageDecoder;
import dev.vlsuite.shared.image.Preprocess;
import dev.vlsuite.shared.metrics.CaptionEvaluator;
import dev.vlsuite.shared.metrics.Metric;
import dev.vlsuite.shared.nn.decode.TextDecoding;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.TrainingTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

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
        return ValidationScores.of(validation, (files, sink) -> captionPixels(ps, files, sink), evaluator);
    }

    /** Greedy captions from pixels through the current CNN (cached features would be stale); a bad file is an outcome. */
    private void captionPixels(ParameterStore ps, List<Path> files, Consumer<CaptionOutcome> sink) {
        CaptionConfig config = net.decoder().config();
        int side = config.arch().attends() ? (int) Math.round(Math.sqrt(config.locations())) : 0;
        for (int from = 0; from < files.size(); from += VALIDATION_CHUNK) {
            List<Path> chunk = files.subList(from, Math.min(files.size(), from + VALIDATION_CHUNK));
            List<Path> decoded = new ArrayList<>();
            java.util.Map<Path, String> failed = new java.util.HashMap<>();
            List<TextDecoding.Text> texts;
            try (NDManager scope = manager.newSubManager()) {
                ImageBatch batch = new ImageBatch(preprocess.size());
                for (Path file : chunk) {
                    try {
                        batch.add(preprocess.toChw(decoder.decode(file)));
                        decoded.add(file);
                    } catch (BadImageException e) {
                        failed.put(file, e.getMessage());
                    }
                }
                texts = decoded.isEmpty() ? List.of()
                        : TextDecoding.decode(net.decoder().decoder(ps), new NDList(net.features(ps, batch.toNDArray(scope), false)),
                                vocabulary, 1, config.maxLength());                              // features (B, L, D)
            }
            int next = 0;
            for (Path file : chunk) {                                                           // outcomes in file order
                if (failed.containsKey(file)) {
                    sink.accept(CaptionOutcome.failure(file, failed.get(file)));
                    continue;
                }
                TextDecoding.Text t = texts.get(next++);
                float[][] attention = side > 0 ? t.attention() : null;
                sink.accept(CaptionOutcome.success(file, new Caption(t.text(), t.words(), t.logProb(), attention, attention == null ? 0 : side)));
            }
        }
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
