package dev.vlsuite.video.api;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.shared.io.TaskBundle;
import dev.vlsuite.shared.nn.decode.TextDecoding;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.video.BadVideoException;
import dev.vlsuite.shared.video.Sampling;
import dev.vlsuite.video.model.VideoConfig;
import dev.vlsuite.video.model.VideoNet;
import dev.vlsuite.video.model.VideoNets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Captions video files with a trained model bundle (task "video"):
 * <pre>{@code
 * try (VideoCaptioner captioner = VideoCaptioner.load(null)) {   // null: the built-in s2vt model, or Path.of("s2vt.vlm")
 *     VideoCaption c = captioner.caption(Path.of("clip.mp4"));
 * }
 * }</pre>
 * Frames are read with the model's backbone and sampling (shared.video FrameReader), decoded with the shared
 * greedy / batched beam search. Not thread-safe.
 */
public final class VideoCaptioner implements AutoCloseable {
    private final TaskBundle<VideoConfig, VideoNet> bundle;
    private final Vocabulary vocabulary;
    private final FrameFeatures features;
    private final StreamFeatures input;
    private final NDManager manager;

    private VideoCaptioner(TaskBundle<VideoConfig, VideoNet> bundle, FrameFeatures features, Device device) {
        this.bundle = bundle;
        this.vocabulary = bundle.vocabularies().main();
        this.features = features;
        this.input = new StreamFeatures(features, bundle.config().streams(), null);
        this.manager = NDManager.newBaseManager(device);
    }

    /** Loads {@code bundle} (null: the built-in default) on the engine's default device. */
    public static VideoCaptioner load(Path bundle) throws IOException {
        return load(bundle, Engine.getInstance().defaultDevice());
    }

    /**
     * @param bundle a model written by {@code bin/video train}; null: the built-in s2vt model ({@link DefaultVideoModel})
     * @throws dev.vlsuite.shared.io.BundleException one line naming the file when it is no usable video model
     */
    public static VideoCaptioner load(Path bundle, Device device) throws IOException {
        if (bundle == null) bundle = DefaultVideoModel.file();
        TaskBundle<VideoConfig, VideoNet> b = TaskBundle.load(bundle, VideoNets.TASK, VideoConfig.class,
                (config, vocabularies, m) -> VideoNets.createInitialized(config, m), device);
        try {
            VideoConfig c = b.config();
            FrameFeatures f = FrameFeatures.open(c.backbone(), c.imageSize(), c.spatialSide(), device);
            if (f.featureSize() != c.streamFeatureSize()) {
                f.close();
                throw new IllegalArgumentException(bundle + ": backbone " + c.backbone() + " gives " + f.featureSize()
                        + " values per frame, the model expects " + c.streamFeatureSize() + " per stream");
            }
            return new VideoCaptioner(b, f, device);
        } catch (IOException | RuntimeException e) {
            b.close();
            throw e;
        }
    }

    public VideoConfig config() {
        return bundle.config();
    }

    public Path source() {
        return bundle.source();
    }

    /** One video with the default options. */
    public VideoCaption caption(Path video) throws IOException {
        List<VideoOutcome> out = new ArrayList<>(1);
        captionEach(List.of(video), VideoCaptionOptions.defaults(), out::add);
        VideoOutcome o = out.get(0);
        if (!o.ok()) throw new BadVideoException(video, BadVideoException.Problem.UNDECODABLE, o.error());
        return o.caption();
    }

    /** Several videos; bad files become failed outcomes, in input order. */
    public List<VideoOutcome> caption(List<Path> videos, VideoCaptionOptions options) throws IOException {
        List<VideoOutcome> out = new ArrayList<>(videos.size());
        captionEach(videos, options, out::add);
        return out;
    }

    /** Streams outcomes in input order as batches finish; memory holds one batch of features. */
    public void captionEach(List<Path> videos, VideoCaptionOptions options, Consumer<VideoOutcome> sink) throws IOException {
        Sampling sampling = options.sampling() != null ? options.sampling() : Sampling.evenly(config().frames());
        List<Path> files = new ArrayList<>();
        List<VideoFeatures> batch = new ArrayList<>();
        for (Path video : videos) {
            VideoFeatures f;
            try {
                f = input.read(video, sampling);
            } catch (BadVideoException e) {
                flush(files, batch, options, sink);
                sink.accept(VideoOutcome.failure(video, e.reason()));
                continue;
            } catch (IOException e) {
                flush(files, batch, options, sink);
                sink.accept(VideoOutcome.failure(video, "cannot read (" + e.getMessage() + ")"));
                continue;
            }
            // one batch holds videos of one frame count (a truncated file may give fewer)
            if (!batch.isEmpty() && batch.get(0).frames() != f.frames()) flush(files, batch, options, sink);
            files.add(video);
            batch.add(f);
            if (batch.size() == options.batch()) flush(files, batch, options, sink);
        }
        flush(files, batch, options, sink);
    }

    private void flush(List<Path> files, List<VideoFeatures> batch, VideoCaptionOptions options, Consumer<VideoOutcome> sink) {
        if (batch.isEmpty()) return;
        List<TextDecoding.Text> texts = VideoDecoding.decode(bundle.block(), vocabulary, batch, options.beam(), options.maxLength(), manager);
        for (int i = 0; i < batch.size(); i++) {
            TextDecoding.Text t = texts.get(i);
            VideoFeatures f = batch.get(i);
            sink.accept(VideoOutcome.success(files.get(i), new VideoCaption(t.text(), t.words(), t.logProb(), f.frames(), f.note())));
        }
        files.clear();
        batch.clear();
    }

    @Override
    public void close() {
        manager.close();
        features.close();
        bundle.close();
    }
}
