package dev.vlsuite.video.api;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.TaskBundle;
import dev.vlsuite.shared.video.BadVideoException;
import dev.vlsuite.shared.video.Sampling;
import dev.vlsuite.video.model.ActionConfig;
import dev.vlsuite.video.model.ActionNet;
import dev.vlsuite.video.model.ActionNets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Classifies the action in video files with a trained bundle (task "video-classify") or the built-in classifier:
 * <pre>{@code
 * try (ActionClassifier classifier = ActionClassifier.load(null)) {          // null: the built-in classifier
 *     ActionPrediction p = classifier.classify(Path.of("clip.mp4"));         // label, probability, top-k
 * }
 * }</pre>
 * Frames are read with the model's backbone and sampling (shared.video FrameReader). Not thread-safe.
 */
public final class ActionClassifier implements AutoCloseable {
    /** Videos per model call by default. */
    public static final int BATCH = 16;

    private final TaskBundle<ActionConfig, ActionNet> bundle;
    private final List<String> classes;
    private final FrameFeatures features;
    private final NDManager manager;
    private final boolean builtIn;
    private FeatureStore store;

    private ActionClassifier(TaskBundle<ActionConfig, ActionNet> bundle, List<String> classes, FrameFeatures features,
                             Device device, boolean builtIn) {
        this.bundle = bundle;
        this.classes = classes;
        this.features = features;
        this.manager = NDManager.newBaseManager(device);
        this.builtIn = builtIn;
    }

    /** Loads {@code bundle} (null: the built-in classifier) on the engine's default device. */
    public static ActionClassifier load(Path bundle) throws IOException {
        return load(bundle, Engine.getInstance().defaultDevice());
    }

    /**
     * @param bundle a model written by {@code bin/video train --task classify}; null: the built-in classifier
     * @throws dev.vlsuite.shared.io.BundleException one line naming the file when it is no usable classifier
     */
    public static ActionClassifier load(Path bundle, Device device) throws IOException {
        boolean builtIn = bundle == null;
        Path file = builtIn ? ActionDefaultModel.file() : bundle;
        TaskBundle<ActionConfig, ActionNet> b = TaskBundle.load(file, ActionNets.TASK, ActionConfig.class,
                (config, vocabularies, m) -> {
                    classNames(vocabularies.json(), config);
                    return ActionNets.createInitialized(config, m);
                }, device);
        try {
            ActionConfig c = b.config();
            List<String> classes = classNames(b.vocabularies().json(), c);
            FrameFeatures f = FrameFeatures.open(c.backbone(), c.imageSize(), c.spatialSide(), device);
            if (f.featureSize() != c.featureSize()) {
                f.close();
                throw new IllegalArgumentException(file + ": backbone " + c.backbone() + " gives " + f.featureSize()
                        + " values per frame, the model expects " + c.featureSize());
            }
            return new ActionClassifier(b, classes, f, device, builtIn);
        } catch (IOException | RuntimeException e) {
            b.close();
            throw e;
        }
    }

    private static List<String> classNames(JsonNode vocabulary, ActionConfig config) {
        JsonNode names = vocabulary == null ? null : vocabulary.get("classes");
        if (names == null || !names.isArray() || names.size() != config.classes()) {
            throw new IllegalArgumentException("its class names do not fit its config (" + config.classes() + " classes)");
        }
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    public ActionConfig config() {
        return bundle.config();
    }

    /** The class names, index = label. */
    public List<String> classes() {
        return classes;
    }

    public Path source() {
        return bundle.source();
    }

    /** True when this is the built-in classifier. */
    public boolean builtIn() {
        return builtIn;
    }

    /**
     * Keeps the frame features of every video read from now on in {@code cache} (and reads them from there), as
     * training does: evaluating several models on one split then decodes each video once. null: no cache.
     */
    public ActionClassifier withCache(FeatureStore cache) {
        this.store = cache;
        return this;
    }

    /** One video with the default options. */
    public ActionPrediction classify(Path video) throws IOException {
        List<ActionOutcome> out = classify(List.of(video), ActionOptions.defaults());
        ActionOutcome o = out.get(0);
        if (!o.ok()) throw new BadVideoException(video, BadVideoException.Problem.UNDECODABLE, o.error());
        return o.prediction();
    }

    /** Several videos; bad files become failed outcomes, in input order. */
    public List<ActionOutcome> classify(List<Path> videos, ActionOptions options) throws IOException {
        List<ActionOutcome> out = new ArrayList<>(videos.size());
        classifyEach(videos, options, out::add);
        return out;
    }

    /** Streams outcomes in input order as batches finish; memory holds one batch of features. */
    public void classifyEach(List<Path> videos, ActionOptions options, Consumer<ActionOutcome> sink) throws IOException {
        Sampling sampling = options.sampling() != null ? options.sampling() : Sampling.evenly(config().frames());
        List<Path> files = new ArrayList<>();
        List<VideoFeatures> batch = new ArrayList<>();
        for (Path video : videos) {
            VideoFeatures f;
            try {
                f = store == null ? features.read(video, sampling) : store.get(video, features.key(sampling), v -> features.read(v, sampling));
            } catch (BadVideoException e) {
                flush(files, batch, options, sink);
                sink.accept(ActionOutcome.failure(video, e.reason()));
                continue;
            } catch (IOException e) {
                flush(files, batch, options, sink);
                sink.accept(ActionOutcome.failure(video, "cannot read (" + e.getMessage() + ")"));
                continue;
            }
            if (!batch.isEmpty() && batch.get(0).frames() != f.frames()) flush(files, batch, options, sink); // one N per batch
            files.add(video);
            batch.add(f);
            if (batch.size() == options.batch()) flush(files, batch, options, sink);
        }
        flush(files, batch, options, sink);
    }

    /** Class probabilities (C) of each video's features, in order. */
    public List<float[]> probabilities(List<VideoFeatures> videos) {
        List<float[]> out = new ArrayList<>(videos.size());
        int n = videos.get(0).frames(), fs = config().featureSize();
        float[] data = new float[videos.size() * n * fs];
        for (int i = 0; i < videos.size(); i++) System.arraycopy(videos.get(i).data(), 0, data, i * n * fs, n * fs);
        try (NDManager scope = manager.newSubManager()) {
            NDArray frames = scope.create(data, new Shape(videos.size(), n, fs));                       // (B, N, F)
            float[] p = bundle.block().logProbs(new ParameterStore(scope, false), frames, false).exp().toFloatArray(); // (B, C)
            int c = classes.size();
            for (int i = 0; i < videos.size(); i++) out.add(Arrays.copyOfRange(p, i * c, (i + 1) * c));
        }
        return out;
    }

    private void flush(List<Path> files, List<VideoFeatures> batch, ActionOptions options, Consumer<ActionOutcome> sink) {
        if (batch.isEmpty()) return;
        List<float[]> probs = probabilities(batch);
        for (int i = 0; i < batch.size(); i++) {
            List<ActionPrediction.Scored> top = top(probs.get(i), options.top());
            VideoFeatures f = batch.get(i);
            sink.accept(ActionOutcome.success(files.get(i),
                    new ActionPrediction(top.get(0).label(), top.get(0).probability(), top, f.frames(), f.note())));
        }
        files.clear();
        batch.clear();
    }

    private List<ActionPrediction.Scored> top(float[] p, int k) {
        List<ActionPrediction.Scored> all = new ArrayList<>();
        for (int c = 0; c < p.length; c++) all.add(new ActionPrediction.Scored(classes.get(c), p[c]));
        all.sort(Comparator.comparingDouble(ActionPrediction.Scored::probability).reversed()); // stable: ties by class order
        return all.subList(0, Math.min(k, all.size()));
    }

    @Override
    public void close() {
        manager.close();
        features.close();
        bundle.close();
    }
}
