package dev.vlsuite.captioning.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.io.BundleContents;
import dev.vlsuite.shared.vision.NativeVgg;
import dev.vlsuite.shared.vision.VggBlock;
import java.util.Map;
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
    /** The bundle extra entry holding a fine-tuned backbone's parameters (DJL block format). */
    public static final String BACKBONE_ENTRY = "backbone.djl";

    private CaptionNet net;
    private VggBlock tunedBackbone;

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

    /**
     * Trains the backbone together with the decoder, from pixels: the CNN starts from the feature cache's backbone
     * weights (which stay untouched; a copy is tuned) and learns at {@code fineTuning}'s rate. The resulting
     * {@code runDir/model.vlm} holds the decoder's parameters as usual plus the tuned CNN as the extra entry
     * {@value #BACKBONE_ENTRY}, which ImageCaptioner loads in place of the config's backbone weights.
     * Afterwards {@link #net()} is the decoder and {@link #tunedBackbone()} the CNN.
     *
     * @throws IllegalArgumentException when the backbone is not a native VGG (torchscript: and djl:// modules)
     */
    public TrainResult fineTune(TrainConfig trainConfig, FineTuning fineTuning, Path runDir, boolean resume, NDManager manager)
            throws IOException {
        if (!(cache.extractor() instanceof NativeVgg vgg)) {
            throw new IllegalArgumentException("fine-tuning needs a native VGG backbone (vgg-small, vgg16, vgg16:FILE.pt or "
                    + ".params); '" + config.backbone() + "' is a TorchScript module: name its weights as vgg16:FILE.pt to tune them");
        }
        VggBlock cnn = new VggBlock(vgg.spec());
        cnn.initialize(manager, DataType.FLOAT32, new Shape(1, 3, config.imageSize(), config.imageSize()));
        try {
            BundleContents.loadParameters(cnn, manager, BundleContents.parameterBytes(vgg.block())); // a copy to tune
        } catch (MalformedModelException e) {
            throw new IllegalStateException("copying the backbone weights failed: " + e.getMessage(), e);
        }
        TrainingLoop loop = new TrainingLoop(trainConfig, runDir);
        CaptionNet decoder = CaptionNets.create(config);
        CaptionTask captions = new CaptionTask(decoder, vocabulary, cache, train, validation, options.batchSize(), manager);
        FineTuneTask task = new FineTuneTask(captions, new FineTuneNet(cnn, decoder), vocabulary, validation,
                fineTuning.lrScale(trainConfig.lr()), manager);
        if (resume && Files.exists(loop.checkpointFile())) checkSameModel(loop.checkpointFile(), captions);
        TrainResult result;
        try {
            result = loop.fit(task, manager, resume);
        } finally {
            task.shutdown();
        }
        net = decoder;
        tunedBackbone = cnn;
        // the loop saved backbone + decoder as one block: store the decoder as usual and the CNN beside it
        BundleContents joint = ModelBundle.read(result.modelFile(), CaptionNets.TASK);
        ObjectNode meta = joint.metadata().deepCopy();
        meta.put("fineTuned", true);
        meta.put("cnnLr", trainConfig.lr() * fineTuning.lrScale(trainConfig.lr()));
        ModelBundle.write(result.modelFile(), new BundleContents(joint.task(), joint.config(), joint.vocabulary(), meta,
                BundleContents.parameterBytes(decoder), Map.of(BACKBONE_ENTRY, BundleContents.parameterBytes(cnn))));
        return result;
    }

    private void checkSameModel(Path checkpoint, CaptionTask task) throws IOException {
        var contents = ModelBundle.read(checkpoint, CaptionNets.TASK);
        JsonNode vocab = task.vocabulary();
        if (!vocab.equals(contents.vocabulary())) {
            throw new BundleException(checkpoint, "was trained with another vocabulary; resume with the same data and minimum word count");
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

    /** The fine-tuned CNN (after {@link #fineTune}); null otherwise. */
    public VggBlock tunedBackbone() {
        return tunedBackbone;
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
