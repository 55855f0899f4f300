package dev.vlsuite.video.training;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.shared.text.CaptionTokenizer;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import dev.vlsuite.shared.train.TrainingLoop;
import dev.vlsuite.shared.video.BadVideoException;
import dev.vlsuite.shared.video.Sampling;
import dev.vlsuite.video.api.FeatureStore;
import dev.vlsuite.video.api.FrameFeatures;
import dev.vlsuite.video.api.StreamFeatures;
import dev.vlsuite.video.api.VideoFeatures;
import dev.vlsuite.video.model.Streams;
import dev.vlsuite.video.model.VideoConfig;
import dev.vlsuite.video.model.VideoNet;
import dev.vlsuite.video.model.VideoNets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains a video caption model on frame features with the shared training loop:
 * <pre>{@code
 * List<Video> train = VideoTraining.extract(VideoCorpus.split(items, List.of("train")), frames, store, Sampling.evenly(32), err::println);
 * VideoTraining t = VideoTraining.prepare(train, validation, VideoConfig.paper(Arch.S2VT).withSizes(...), 1, 32);
 * TrainResult r = t.train(TrainConfig.defaults(), runDir, resume, manager);   // runDir/model.vlm, task "video"
 * }</pre>
 * Features are held in memory while training (fine for the synthetic sets and MSVD-sized data; MSR-VTT at 32 fc7
 * frames would need them streamed from the FeatureStore instead: not done yet).
 */
public final class VideoTraining {
    private static final CaptionTokenizer TOKENIZER = new CaptionTokenizer();

    /** One video as training reads it: features (exactly config.frames() frames) and its references. */
    public record Video(String id, VideoFeatures features, List<String> captions) {
        /** The references as lower-case PTB words. */
        public List<List<String>> words() {
            return captions.stream().map(TOKENIZER::words).toList();
        }
    }

    private final VideoConfig config;
    private final Vocabulary vocabulary;
    private final List<Video> train;
    private final List<Video> validation;
    private final int batchSize;
    private VideoNet net;

    private VideoTraining(VideoConfig config, Vocabulary vocabulary, List<Video> train, List<Video> validation, int batchSize) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.train = train;
        this.validation = validation;
        this.batchSize = batchSize;
    }

    /**
     * Frame features of each item (cached in {@code store}); bad files are reported one line each and left out.
     *
     * @param store null: no cache
     */
    public static List<Video> extract(List<VideoCorpus.Item> items, FrameFeatures frames, FeatureStore store,
                                      Sampling sampling, Consumer<String> onBadFile) throws IOException {
        return extract(items, new StreamFeatures(frames, Streams.RGB, store), sampling, onBadFile);
    }

    /** The input of a model of some {@link Streams} for each item; bad files are reported one line each and left out. */
    public static List<Video> extract(List<VideoCorpus.Item> items, StreamFeatures features, Sampling sampling,
                                      Consumer<String> onBadFile) throws IOException {
        List<Video> out = new ArrayList<>();
        for (VideoCorpus.Item item : items) {
            try {
                out.add(new Video(item.id(), features.read(item.file(), sampling), item.captions()));
            } catch (BadVideoException e) {
                onBadFile.accept(e.getMessage());
            }
        }
        return out;
    }

    /**
     * Builds the vocabulary from the training captions and the final config: {@code model}'s arch, sizes and
     * backbone with V from the vocabulary and F, N from the features.
     */
    public static VideoTraining prepare(List<Video> train, List<Video> validation, VideoConfig model, int minWordCount,
                                        int batchSize) {
        if (train.isEmpty()) throw new IllegalArgumentException("no usable training video");
        List<List<String>> sentences = new ArrayList<>();
        for (Video v : train) sentences.addAll(v.words());
        Vocabulary vocabulary = Vocabulary.build(sentences, minWordCount);
        int f = train.get(0).features().featureSize();
        VideoConfig config = model.withData(vocabulary.size(), f, model.frames(), model.backbone(), model.imageSize(), model.spatialSide());
        return new VideoTraining(config, vocabulary, fit(train, config.frames()), fit(validation, config.frames()), batchSize);
    }

    private static List<Video> fit(List<Video> videos, int frames) {
        return videos.stream().map(v -> new Video(v.id(), v.features().toFrames(frames), v.captions())).toList();
    }

    /** Trains (or, with {@code resume}, continues the run in {@code runDir}) and writes {@code runDir/model.vlm}. */
    public TrainResult train(TrainConfig trainConfig, Path runDir, boolean resume, NDManager manager) throws IOException {
        TrainingLoop loop = new TrainingLoop(trainConfig, runDir);
        VideoTask task = new VideoTask(VideoNets.create(config), vocabulary, train, validation, batchSize, manager);
        if (resume && Files.exists(loop.checkpointFile())) checkSameModel(loop.checkpointFile(), task);
        net = (VideoNet) task.block();
        return loop.fit(task, manager, resume);
    }

    private void checkSameModel(Path checkpoint, VideoTask task) throws IOException {
        var contents = ModelBundle.read(checkpoint, VideoNets.TASK);
        JsonNode vocab = task.vocabulary();
        if (!vocab.equals(contents.vocabulary())) {
            throw new BundleException(checkpoint, "was trained with another vocabulary; resume with the same data and minimum word count");
        }
        if (!config.equals(contents.config(VideoConfig.class))) {
            throw new BundleException(checkpoint, "was trained with another model config; resume with the same options");
        }
    }

    public VideoConfig config() {
        return config;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The trained network (after {@link #train}); null before. */
    public VideoNet net() {
        return net;
    }
}
