package dev.vlsuite.captioning.api;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.shared.engine.VlEngine;
import dev.vlsuite.shared.image.BadImageException;
import dev.vlsuite.shared.image.DecodeOptions;
import dev.vlsuite.shared.image.ImageBatch;
import dev.vlsuite.shared.image.DecodePipeline;
import dev.vlsuite.shared.image.ImageDecoder;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.nn.decode.StepModel;
import dev.vlsuite.shared.nn.decode.TextDecoding;
import dev.vlsuite.shared.vision.Backbones;
import dev.vlsuite.shared.vision.FeatureExtractor;
import dev.vlsuite.shared.vision.Features;
import dev.vlsuite.shared.vision.NativeVgg;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Captions image files: decode (worker threads) -> Preprocess -> backbone -> batched beam search (K = 1:
 * greedy) -> words. Bad files never stop a batch: each becomes a failed {@link CaptionOutcome}.
 *
 * <pre>{@code
 * try (ImageCaptioner captioner = ImageCaptioner.load(null)) {   // null: the built-in default model
 *     Caption c = captioner.caption(Path.of("photo.jpg"));
 * }
 * }</pre>
 * One instance is meant for one thread at a time; it owns its model and backbone and closes them.
 */
public final class ImageCaptioner implements AutoCloseable {
    private final CaptionModel model;
    private final FeatureExtractor backbone;
    private final ImageDecoder decoder;
    private final int decodeThreads;

    private ImageCaptioner(CaptionModel model, FeatureExtractor backbone, DecodeOptions decodeOptions) {
        CaptionConfig c = model.config();
        int locations = backbone.gridSide() * backbone.gridSide();
        if (backbone.channels() != c.featureSize() || (c.arch().attends() && locations != c.locations())) {
            throw new IllegalArgumentException("backbone " + backbone.id() + " gives " + locations + " x " + backbone.channels()
                    + " features but the model " + model.source() + " expects " + c.locations() + " x " + c.featureSize());
        }
        this.model = model;
        this.backbone = backbone;
        this.decoder = new ImageDecoder(decodeOptions);
        this.decodeThreads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Loads a bundle (null: the built-in default) on the device of the current engine options. */
    public static ImageCaptioner load(Path bundleOrNull) throws IOException {
        return load(bundleOrNull, VlEngine.device(VlEngine.options().device()));
    }

    public static ImageCaptioner load(Path bundleOrNull, Device device) throws IOException {
        return open(CaptionModel.load(bundleOrNull == null ? DefaultModel.file() : bundleOrNull, device), device, null);
    }

    /**
     * A captioner for a loaded model, with the backbone its config names or {@code backboneSpec} (e.g. the
     * same VGG-16 with weights from another path). A fine-tuned model's own CNN weights are used unless
     * {@code backboneSpec} names another backbone. Takes ownership of the model (closed on failure too).
     */
    public static ImageCaptioner open(CaptionModel model, Device device, String backboneSpec) throws IOException {
        String spec = backboneSpec != null ? backboneSpec : model.config().backbone();
        FeatureExtractor fx;
        try {
            var tuned = backboneSpec == null ? model.backboneParameters() : java.util.Optional.<byte[]>empty();
            fx = tuned.isPresent()
                    ? NativeVgg.fromParameterBytes(Backbones.vggSpec(spec, model.config().imageSize()), tuned.get(), device)
                    : Backbones.open(spec, device, model.config().imageSize());
        } catch (IOException | RuntimeException e) {
            model.close();
            throw new BundleException(model.source(), "its backbone '" + spec + "' cannot be opened (" + e.getMessage() + ")");
        }
        return of(model, fx, DecodeOptions.defaults());
    }

    /** A captioner over an already opened backbone; takes ownership of both. */
    public static ImageCaptioner of(CaptionModel model, FeatureExtractor backbone, DecodeOptions decodeOptions) {
        try {
            return new ImageCaptioner(model, backbone, decodeOptions);
        } catch (RuntimeException e) {
            backbone.close();
            model.close();
            throw e;
        }
    }

    public CaptionModel model() {
        return model;
    }

    public FeatureExtractor backbone() {
        return backbone;
    }

    /** Whether captions carry attention maps (soft and hard attention models). */
    public boolean attends() {
        return model.config().arch().attends();
    }

    /** One image with the default options (beam 3). */
    public Caption caption(Path image) throws BadImageException {
        return caption(image, CaptionOptions.defaults());
    }

    public Caption caption(Path image, CaptionOptions options) throws BadImageException {
        float[] chw = backbone.preprocess().toChw(decoder.decode(image));
        return captionPixels(List.of(chw), options).get(0);
    }

    /** Every image, in input order; failures are outcomes, not exceptions. */
    public List<CaptionOutcome> captionAll(List<Path> images, CaptionOptions options) {
        List<CaptionOutcome> out = new ArrayList<>(images.size());
        captionEach(images, options, out::add);
        return out;
    }

    /**
     * Streams outcomes to {@code sink} in input order, one batch at a time, while the next images are
     * decoded on worker threads.
     */
    public void captionEach(List<Path> images, CaptionOptions options, Consumer<CaptionOutcome> sink) {
        int ahead = 2 * options.batchSize() + decodeThreads;
        try (DecodePipeline pipe = new DecodePipeline(images, decoder, backbone.preprocess(), decodeThreads, ahead)) {
            List<DecodePipeline.Item> window = new ArrayList<>();
            int good = 0;
            while (pipe.hasNext()) {
                DecodePipeline.Item item = pipe.next();
                window.add(item);
                if (item.chw() != null && ++good == options.batchSize()) {
                    flush(window, options, sink);
                    window.clear();
                    good = 0;
                }
            }
            flush(window, options, sink);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("captioning interrupted", e);
        }
    }

    private void flush(List<DecodePipeline.Item> window, CaptionOptions options, Consumer<CaptionOutcome> sink) {
        List<float[]> pixels = new ArrayList<>();
        for (DecodePipeline.Item item : window) if (item.chw() != null) pixels.add(item.chw());
        List<Caption> captions = pixels.isEmpty() ? List.of() : captionPixels(pixels, options);
        int next = 0;
        for (DecodePipeline.Item item : window) {
            sink.accept(item.chw() != null ? CaptionOutcome.success(item.path(), captions.get(next++))
                    : CaptionOutcome.failure(item.path(), item.reason()));
        }
    }

    /** Preprocessed (3, S, S) images -> captions, one backbone call and one batched search. */
    private List<Caption> captionPixels(List<float[]> chw, CaptionOptions options) {
        try (NDManager scope = model.manager().newSubManager()) {
            ImageBatch batch = new ImageBatch(backbone.inputSize());
            chw.forEach(batch::add);
            Features f = backbone.extract(batch.toNDArray(scope));            // grid (B, L, D), pooled (B, D)
            NDArray grid = attends() ? f.grid() : f.pooled().expandDims(1);   // (B, L, D); show-tell: (B, 1, D)
            return captionFeatures(grid, options);
        }
    }

    /**
     * Captions backbone features directly (e.g. from a FeatureCache): {@code grid} (B, L, D), or (B, 1, D)
     * pooled vectors for show-tell. Arrays made here are freed before returning.
     */
    public List<Caption> captionFeatures(NDArray grid, CaptionOptions options) {
        try (NDManager scope = grid.getManager().newSubManager()) {
            StepModel<?> step = model.net().decoder(new ParameterStore(scope, false));
            List<Caption> out = new ArrayList<>();
            for (TextDecoding.Text t : TextDecoding.decode(step, new NDList(grid), model.vocabulary(), options.beam(), options.maxLen())) {
                float[][] attention = attends() ? t.attention() : null;
                out.add(new Caption(t.text(), t.words(), t.logProb(), attention, attention == null ? 0 : backbone.gridSide()));
            }
            return out;
        }
    }

    @Override
    public void close() {
        backbone.close();
        model.close();
    }
}
