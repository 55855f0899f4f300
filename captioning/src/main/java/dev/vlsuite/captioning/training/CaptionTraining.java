package dev.vlsuite.captioning.training;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.captioning.model.CaptionNet;
import dev.vlsuite.captioning.model.CaptionNets;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.shared.io.captions.CaptionDataset;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import dev.vlsuite.shared.train.TrainingLoop;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.shared.vision.FeatureExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains a caption decoder on cached backbone features with the shared training loop:
 * <pre>{@code
 * CaptionTraining t = CaptionTraining.prepare(dataset, imagesRoot, cache, CaptionConfig.defaults(Arch.SOFT, ...),
 *         CaptionTrainingOptions.defaults(), System.err::println);
 * TrainResult r = t.train(TrainConfig.defaults().withValidation(0, "CIDEr", Goal.MAX, 5), runDir, resume, manager);
 * // r.modelFile(): the bundle (task "captioning", CaptionConfig, vocabulary, metrics)
 * }</pre>
 * The vocabulary comes from the training splits' captions (words seen at least minWordCount times).
 */
public final class CaptionTraining {
    private final CaptionConfig config;
    private final Vocabulary vocabulary;
    private final FeatureCache cache;
    private final CaptionCorpus corpus;
    private final List<CaptionCorpus.Item> train;
    private final List<CaptionCorpus.Item> validation;
    private final CaptionTrainingOptions options;
    private CaptionNet net;

    private CaptionTraining(CaptionConfig config, Vocabulary vocabulary, FeatureCache cache, CaptionCorpus corpus,
                            List<CaptionCorpus.Item> train, List<CaptionCorpus.Item> validation, CaptionTrainingOptions options) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.cache = cache;
        this.corpus = corpus;
        this.train = train;
        this.validation = validation;
        this.options = options;
    }

    /**
     * Reads the images' features (extracting missing ones into {@code cache}), builds the vocabulary and the
     * final config: {@code model}'s arch and sizes with V from the vocabulary and D, L and the input size from the
     * cache's backbone (the backbone spec stays {@code model.backbone()}, what Backbones.open needs at run time).
     *
     * @param onBadFile one line per image that cannot be used (bad path, unreadable file)
     * @throws IllegalArgumentException when no training image is usable
     */
    public static CaptionTraining prepare(CaptionDataset dataset, Path imagesRoot, FeatureCache cache, CaptionConfig model,
                                          CaptionTrainingOptions options, Consumer<String> onBadFile) throws IOException {
        CaptionCorpus corpus = CaptionCorpus.load(dataset, imagesRoot, cache, onBadFile);
        List<CaptionCorpus.Item> train = corpus.split(options.trainSplits());
        if (train.isEmpty()) {
            throw new IllegalArgumentException(dataset.source() + ": no usable image in split(s) " + options.trainSplits()
                    + " (splits present: " + dataset.splits() + ")");
        }
        List<CaptionCorpus.Item> validation = corpus.split(List.of(options.validationSplit()));
        if (options.validationImages() > 0 && validation.size() > options.validationImages()) {
            validation = validation.subList(0, options.validationImages());
        }
        List<List<String>> sentences = new ArrayList<>();
        for (CaptionCorpus.Item i : train) sentences.addAll(i.words());
        Vocabulary vocabulary = Vocabulary.build(sentences, options.minWordCount());
        FeatureExtractor fx = cache.extractor();
        CaptionConfig config = model.withVocabSize(vocabulary.size())
                .withBackbone(model.backbone(), fx.inputSize(), fx.channels(), fx.gridSide() * fx.gridSide());
        return new CaptionTraining(config, vocabulary, cache, corpus, train, validation, options);
    }

    /**
     * Trains (or, with {@code resume}, continues the run in {@code runDir}) and writes {@code runDir/model.vlm}.
     * Parameters live in {@code manager}; afterwards {@link #net()} holds the result (best validation parameters
     * when TrainConfig watches a metric).
     *
     * @throws BundleException when resuming a run that was trained with another vocabulary or config
     */
    public TrainResult train(TrainConfig trainConfig, Path runDir, boolean resume, NDManager manager) throws IOException {
        TrainingLoop loop = new TrainingLoop(trainConfig, runDir);
        CaptionTask task = new CaptionTask(CaptionNets.create(config), vocabulary, cache, train, validation,
                options.batchSize(), manager);
        if (resume && Files.exists(loop.checkpointFile())) checkSameModel(loop.checkpointFile(), task);
        net = (CaptionNet) task.block();
        return loop.fit(task, manager, resume);
    }

    private void checkSameModel(Path checkpoint, CaptionTask task) throws IOException {
        var contents = ModelBundle.read(checkpoint, CaptionNets.TASK);
        JsonNode vocab = task.vocabulary();
        if (!vocab.equals(contents.vocabulary())) {
            throw new BundleException(checkpoint, "was trained with another vocabulary; resume with the same data and --min-count");
        }
        if (!config.equals(contents.config(CaptionConfig.class))) {
            throw new BundleException(checkpoint, "was trained with another model config (" + contents.config()
                    + "); resume with the same options");
        }
    }

    /** The trained network (after {@link #train}); null before. */
    public CaptionNet net() {
        return net;
    }

    /** The final model config (V, D, L filled in). */
    public CaptionConfig config() {
        return config;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Images (with features) trained on. */
    public List<CaptionCorpus.Item> trainImages() {
        return train;
    }

    /** Images greedy-decoded at each validation. */
    public List<CaptionCorpus.Item> validationImages() {
        return validation;
    }

    /** Every usable image of the dataset. */
    public CaptionCorpus corpus() {
        return corpus;
    }

    /** A captioner over this run's feature cache (for evaluation on any split of the corpus). */
    public CachedCaptioner captioner(CaptionNet trained) {
        return new CachedCaptioner(trained, vocabulary, cache);
    }
}
