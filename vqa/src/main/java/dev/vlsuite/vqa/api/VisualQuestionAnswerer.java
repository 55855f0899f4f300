package dev.vlsuite.vqa.api;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.engine.VlEngine;
import dev.vlsuite.shared.image.BadImageException;
import dev.vlsuite.shared.image.DecodeOptions;
import dev.vlsuite.shared.image.DecodePipeline;
import dev.vlsuite.shared.image.ImageBatch;
import dev.vlsuite.shared.image.ImageDecoder;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.vision.Backbones;
import dev.vlsuite.shared.vision.FeatureExtractor;
import dev.vlsuite.shared.vision.Features;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Answers questions about image files: decode (worker threads) -> Preprocess -> backbone -> the VQA net -> top-k
 * answers, with the san's attention maps. Bad image files never stop a batch: their queries become failed outcomes.
 * <pre>{@code
 * try (VisualQuestionAnswerer vqa = VisualQuestionAnswerer.load(null)) {   // null: the built-in san model
 *     Answer a = vqa.answer(Path.of("photo.png"), "how many shapes are there?");
 * }
 * }</pre>
 * One instance is meant for one thread at a time; it owns its model and backbone and closes them.
 */
public final class VisualQuestionAnswerer implements AutoCloseable {
    private final VqaModel model;
    private final FeatureExtractor backbone;
    private final ImageDecoder decoder;
    private final int decodeThreads;

    private VisualQuestionAnswerer(VqaModel model, FeatureExtractor backbone, DecodeOptions decodeOptions) {
        var c = model.config();
        int d = ImageFeatures.sizeOf(c.imageFeature(), backbone);
        int side = backbone.gridSide();
        if (d != c.featureSize() || (c.arch().attends() && side * side != c.locations())) {
            throw new IllegalArgumentException("backbone " + backbone.id() + " gives " + (c.arch().attends() ? side * side + " x " : "")
                    + d + " " + c.imageFeature() + " features but the model " + model.source() + " expects "
                    + (c.arch().attends() ? c.locations() + " x " : "") + c.featureSize());
        }
        this.model = model;
        this.backbone = backbone;
        this.decoder = new ImageDecoder(decodeOptions);
        this.decodeThreads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Loads a bundle (null: the built-in default) on the device of the current engine options. */
    public static VisualQuestionAnswerer load(Path bundleOrNull) throws IOException {
        return load(bundleOrNull, VlEngine.device(VlEngine.options().device()));
    }

    public static VisualQuestionAnswerer load(Path bundleOrNull, Device device) throws IOException {
        return open(VqaModel.load(bundleOrNull == null ? DefaultModel.file() : bundleOrNull, device), device, null);
    }

    /** An answerer for a loaded model with the backbone its config names, or {@code backboneSpec}; takes ownership. */
    public static VisualQuestionAnswerer open(VqaModel model, Device device, String backboneSpec) throws IOException {
        String spec = backboneSpec != null ? backboneSpec : model.config().backbone();
        FeatureExtractor fx;
        try {
            fx = Backbones.open(spec, device, model.config().imageSize());
        } catch (IOException | RuntimeException e) {
            model.close();
            throw new BundleException(model.source(), "its backbone '" + spec + "' cannot be opened (" + e.getMessage() + ")");
        }
        try {
            return new VisualQuestionAnswerer(model, fx, DecodeOptions.defaults());
        } catch (RuntimeException e) {
            fx.close();
            model.close();
            throw e;
        }
    }

    public VqaModel model() {
        return model;
    }

    public FeatureExtractor backbone() {
        return backbone;
    }

    /** Whether answers carry attention maps (san). */
    public boolean attends() {
        return model.config().arch().attends();
    }

    /** One question, top-5 answers. */
    public Answer answer(Path image, String question) throws BadImageException {
        return answer(image, List.of(question), 5).get(0);
    }

    /** Several questions about one image (one backbone pass). */
    public List<Answer> answer(Path image, List<String> questions, int topK) throws BadImageException {
        float[] chw = backbone.preprocess().toChw(decoder.decode(image));
        try (NDManager scope = model.manager().newSubManager()) {
            ImageBatch batch = new ImageBatch(backbone.inputSize());
            batch.add(chw);
            NDArray feats = ImageFeatures.of(backbone.extract(batch.toNDArray(scope)), model.config());   // (1, L, D)
            return answerFeatures(repeat(feats, new int[questions.size()]), questions, topK);
        }
    }

    /** Every query, in input order; failures are outcomes, not exceptions. */
    public List<AnswerOutcome> answerAll(List<Query> queries, int topK, int imagesPerBatch) {
        List<AnswerOutcome> out = new ArrayList<>(queries.size());
        answerEach(queries, topK, imagesPerBatch, out::add);
        return out;
    }

    /**
     * Streams outcomes to {@code sink} in input order: the distinct images are decoded ahead on worker threads and
     * go through the backbone {@code imagesPerBatch} at a time; then every question about them is answered.
     */
    public void answerEach(List<Query> queries, int topK, int imagesPerBatch, Consumer<AnswerOutcome> sink) {
        Map<Path, List<Integer>> byImage = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) byImage.computeIfAbsent(queries.get(i).image(), k -> new ArrayList<>()).add(i);
        AnswerOutcome[] done = new AnswerOutcome[queries.size()];
        int[] emitted = {0};
        List<Path> images = new ArrayList<>(byImage.keySet());
        int ahead = 2 * imagesPerBatch + decodeThreads;
        try (DecodePipeline pipe = new DecodePipeline(images, decoder, backbone.preprocess(), decodeThreads, ahead)) {
            List<DecodePipeline.Item> window = new ArrayList<>();
            while (pipe.hasNext()) {
                DecodePipeline.Item item = pipe.next();
                if (!item.ok()) {
                    for (int i : byImage.get(item.path())) done[i] = AnswerOutcome.failure(queries.get(i), item.reason());
                } else {
                    window.add(item);
                    if (window.size() == imagesPerBatch) {
                        flush(window, byImage, queries, topK, done);
                        window.clear();
                    }
                }
                emit(done, emitted, sink);
            }
            flush(window, byImage, queries, topK, done);
            emit(done, emitted, sink);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("answering interrupted", e);
        }
    }

    private static void emit(AnswerOutcome[] done, int[] emitted, Consumer<AnswerOutcome> sink) {
        while (emitted[0] < done.length && done[emitted[0]] != null) sink.accept(done[emitted[0]++]);
    }

    private void flush(List<DecodePipeline.Item> window, Map<Path, List<Integer>> byImage, List<Query> queries, int topK,
                       AnswerOutcome[] done) {
        if (window.isEmpty()) return;
        try (NDManager scope = model.manager().newSubManager()) {
            ImageBatch batch = new ImageBatch(backbone.inputSize());
            for (DecodePipeline.Item item : window) batch.add(item.chw());
            Features f = backbone.extract(batch.toNDArray(scope));
            NDArray feats = ImageFeatures.of(f, model.config());                                     // (N, L, D)
            List<Integer> which = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            for (int n = 0; n < window.size(); n++) {
                for (int i : byImage.get(window.get(n).path())) {
                    which.add(i);
                    rows.add(n);
                }
            }
            List<Answer> answers = answerFeatures(repeat(feats, rows.stream().mapToInt(Integer::intValue).toArray()),
                    which.stream().map(i -> queries.get(i).question()).toList(), topK);
            for (int k = 0; k < which.size(); k++) done[which.get(k)] = AnswerOutcome.success(queries.get(which.get(k)), answers.get(k));
        }
    }

    /** Rows {@code rows} of (N, L, D) features as (R, L, D). */
    private static NDArray repeat(NDArray feats, int[] rows) {
        NDList picked = new NDList();
        for (int r : rows) picked.add(feats.get(r).expandDims(0));
        return picked.size() == 1 ? picked.head() : NDArrays.concat(picked, 0);
    }

    /**
     * Answers from image features directly (e.g. a FeatureCache): {@code image} (B, L, D), one row per question.
     */
    public List<Answer> answerFeatures(NDArray image, List<String> questions, int topK) {
        try (NDManager scope = image.getManager().newSubManager()) {
            return AnswerDecoding.answer(model.net(), new ParameterStore(scope, false), model.questionVocabulary(),
                    model.answerVocabulary(), questions, image, topK);
        }
    }

    @Override
    public void close() {
        backbone.close();
        model.close();
    }
}
