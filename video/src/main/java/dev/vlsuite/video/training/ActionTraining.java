package dev.vlsuite.video.training;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.BundleContents;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import dev.vlsuite.shared.train.TrainingLoop;
import dev.vlsuite.shared.video.BadVideoException;
import dev.vlsuite.shared.video.Sampling;
import dev.vlsuite.video.api.FeatureStore;
import dev.vlsuite.video.api.FrameFeatures;
import dev.vlsuite.video.api.VideoFeatures;
import dev.vlsuite.video.model.ActionConfig;
import dev.vlsuite.video.model.ActionNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains an action classifier on frame features with the shared training loop:
 * <pre>{@code
 * ActionCorpus data = ActionCorpus.read(Path.of("groundtruth.json"), null, err::println);
 * List<Clip> train = ActionTraining.extract(data.split(List.of("train")), frames, store, Sampling.evenly(16), err::println);
 * ActionTraining t = ActionTraining.prepare(train, validation, data.classes(), ActionConfig.paper(ActionArch.LSTM), 32);
 * TrainResult r = t.train(TrainConfig.defaults(), runDir, resume, manager);   // runDir/model.vlm, task "video-classify"
 * }</pre>
 * Validation reports the accuracy on the validation clips. Features are held in memory while training.
 */
public final class ActionTraining {
    /** One video as training reads it: its frame features and its class. */
    public record Clip(String id, VideoFeatures features, int label) {}

    private final ActionConfig config;
    private final List<String> classes;
    private final List<Clip> train;
    private final List<Clip> validation;
    private final int batchSize;
    private ActionNet net;

    private ActionTraining(ActionConfig config, List<String> classes, List<Clip> train, List<Clip> validation, int batchSize) {
        this.config = config;
        this.classes = List.copyOf(classes);
        this.train = train;
        this.validation = validation;
        this.batchSize = batchSize;
    }

    /**
     * Frame features of each item (cached in {@code store} when not null); bad files are reported one line each
     * and left out.
     */
    public static List<Clip> extract(List<ActionCorpus.Item> items, FrameFeatures frames, FeatureStore store,
                                     Sampling sampling, Consumer<String> onBadFile) throws IOException {
        List<Clip> out = new ArrayList<>();
        String key = frames.key(sampling);
        for (ActionCorpus.Item item : items) {
            try {
                VideoFeatures f = store == null ? frames.read(item.file(), sampling)
                        : store.get(item.file(), key, v -> frames.read(v, sampling));
                out.add(new Clip(item.id(), f, item.label()));
            } catch (BadVideoException e) {
                onBadFile.accept(e.getMessage());
            }
        }
        return out;
    }

    /** The final config: {@code model}'s arch, sizes, frames and backbone, with C from the classes and F from the features. */
    public static ActionTraining prepare(List<Clip> train, List<Clip> validation, List<String> classes, ActionConfig model,
                                         int batchSize) {
        if (train.isEmpty()) throw new IllegalArgumentException("no usable training video");
        if (batchSize < 1) throw new IllegalArgumentException("batch must be >= 1");
        int f = train.get(0).features().featureSize();
        ActionConfig config = model.withData(classes.size(), f, model.frames(), model.backbone(), model.imageSize(), model.spatialSide());
        return new ActionTraining(config, classes, fit(train, config.frames()), fit(validation, config.frames()), batchSize);
    }

    private static List<Clip> fit(List<Clip> clips, int frames) {
        return clips.stream().map(c -> new Clip(c.id(), c.features().toFrames(frames), c.label())).toList();
    }

    /** Trains (or, with {@code resume}, continues the run in {@code runDir}) and writes {@code runDir/model.vlm}. */
    public TrainResult train(TrainConfig trainConfig, Path runDir, boolean resume, NDManager manager) throws IOException {
        TrainingLoop loop = new TrainingLoop(trainConfig, runDir);
        ActionTask task = new ActionTask(new ActionNet(config), classes, train, validation, batchSize);
        if (resume && Files.exists(loop.checkpointFile())) checkSameModel(loop.checkpointFile(), task);
        net = (ActionNet) task.block();
        return loop.fit(task, manager, resume);
    }

    private void checkSameModel(Path checkpoint, ActionTask task) throws IOException {
        BundleContents contents = ModelBundle.read(checkpoint, ActionTask.NAME);
        JsonNode names = task.vocabulary();
        if (!names.equals(contents.vocabulary())) {
            throw new BundleException(checkpoint, "was trained on other classes; resume with the same data");
        }
        if (!config.equals(contents.config(ActionConfig.class))) {
            throw new BundleException(checkpoint, "was trained with another model config; resume with the same options");
        }
    }

    public ActionConfig config() {
        return config;
    }

    public List<String> classes() {
        return classes;
    }

    /** The trained network (after {@link #train}); null before. */
    public ActionNet net() {
        return net;
    }
}
