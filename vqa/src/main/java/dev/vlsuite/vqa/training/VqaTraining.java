package dev.vlsuite.vqa.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import dev.vlsuite.shared.train.TrainingLoop;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.shared.vision.FeatureExtractor;
import dev.vlsuite.vqa.api.ImageFeatures;
import dev.vlsuite.vqa.data.AnswerVocabulary;
import dev.vlsuite.vqa.data.QuestionIds;
import dev.vlsuite.vqa.data.VqaItem;
import dev.vlsuite.vqa.model.VqaConfig;
import dev.vlsuite.vqa.model.VqaNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Trains a VQA model on cached backbone features with the shared training loop:
 * <pre>{@code
 * VqaTraining t = VqaTraining.prepare(trainItems, valItems, cache, VqaConfig.defaults(Arch.SAN, ...),
 *         VqaTrainingOptions.defaults(), System.err::println);
 * TrainResult r = t.train(TrainConfig.defaults().withValidation(0, "accuracy", Goal.MAX, 5), runDir, false, manager);
 * }</pre>
 * The image features are standardised per channel with the training images' statistics (saved with the model).
 * The question vocabulary comes from the training questions, the answer classes are the K most frequent training
 * answers; questions with no target among them are not trained on (they still count in validation).
 */
public final class VqaTraining {
    /** The bundle task name. */
    public static final String TASK = VqaTask.TASK;
    /** The validation metric: the official VQA accuracy, 0-100. */
    public static final String METRIC = VqaTask.METRIC;

    private final VqaConfig config;
    private final Vocabulary questionVocab;
    private final Vocabulary answerVocab;
    private final FeatureCache cache;
    private final List<VqaTask.Sample> samples;
    private final List<VqaItem> validation;
    private final VqaTrainingOptions options;
    private final FeatureStatistics statistics;
    private VqaNet net;

    private VqaTraining(VqaConfig config, Vocabulary questionVocab, Vocabulary answerVocab, FeatureCache cache,
                        List<VqaTask.Sample> samples, List<VqaItem> validation, VqaTrainingOptions options,
                        FeatureStatistics statistics) {
        this.config = config;
        this.questionVocab = questionVocab;
        this.answerVocab = answerVocab;
        this.cache = cache;
        this.samples = samples;
        this.validation = validation;
        this.options = options;
        this.statistics = statistics;
    }

    /**
     * Extracts missing features into {@code cache}, builds both vocabularies, the targets and the final config
     * ({@code model}'s arch and sizes with the vocabularies' sizes and the backbone's feature shape).
     *
     * @param onBadFile one line per image that cannot be used (its questions are dropped)
     * @throws IllegalArgumentException when no training question is usable
     */
    public static VqaTraining prepare(List<VqaItem> train, List<VqaItem> validation, FeatureCache cache, VqaConfig model,
                                      VqaTrainingOptions options, Consumer<String> onBadFile) throws IOException {
        Set<Path> images = new LinkedHashSet<>();
        for (VqaItem i : train) images.add(i.image());
        for (VqaItem i : validation) images.add(i.image());
        cache.ensure(new ArrayList<>(images), onBadFile);
        List<VqaItem> usable = train.stream().filter(i -> i.annotation() != null && cache.contains(i.image())).toList();
        List<VqaItem> val = validation.stream().filter(i -> i.annotation() != null && cache.contains(i.image())).toList();
        if (options.validationQuestions() > 0 && val.size() > options.validationQuestions()) val = val.subList(0, options.validationQuestions());
        if (usable.isEmpty()) throw new IllegalArgumentException("no usable training question (annotated, with a readable image)");
        List<List<String>> words = usable.stream().map(i -> QuestionIds.words(i.question())).toList();
        Vocabulary qv = Vocabulary.build(words, options.minWordCount());
        Vocabulary av = AnswerVocabulary.build(usable, options.answerClasses(), Official::normalise);
        FeatureExtractor fx = cache.extractor();
        String kind = ImageFeatures.kindFor(model.arch().attends(), fx);
        VqaConfig config = new VqaConfig(model.arch(), qv.size(), av.size(), model.maxQuestionLength(), model.embed(),
                model.hidden(), model.layers(), model.common(), model.mlpHidden(), model.attentionDim(), model.hops(),
                model.dropout(), ImageFeatures.sizeOf(kind, fx), model.arch().attends() ? fx.gridSide() * fx.gridSide() : 1,
                fx.gridSide(), kind, model.backbone(), fx.inputSize(), model.blind(), model.bilinear(), model.coordinates(), model.cellKernel());
        List<VqaTask.Sample> samples = new ArrayList<>();
        for (VqaItem i : usable) {
            float[] t = AnswerVocabulary.target(i.annotation(), av, options.softTargets(), Official::normalise);
            if (t != null) samples.add(new VqaTask.Sample(QuestionIds.encode(i.question(), qv, config.maxQuestionLength()), i.image(), t));
        }
        if (samples.isEmpty()) throw new IllegalArgumentException("no training question has an answer among the " + (av.size() - 4) + " answer classes");
        FeatureStatistics stats = FeatureStatistics.of(cache, new LinkedHashSet<>(usable.stream().map(VqaItem::image).toList()), config);
        return new VqaTraining(config, qv, av, cache, samples, val, options, stats);
    }

    /** Trains (or continues the run in {@code runDir}) and writes {@code runDir/model.vlm}. */
    public TrainResult train(TrainConfig trainConfig, Path runDir, boolean resume, NDManager manager) throws IOException {
        TrainingLoop loop = new TrainingLoop(trainConfig, runDir);
        VqaNet fresh = VqaNet.create(config);
        Engine.getInstance().setRandomSeed((int) trainConfig.seed()); // as the loop would: initial parameters follow from the seed
        fresh.initialize(manager, DataType.FLOAT32, VqaNet.inputShapes(config));
        fresh.setFeatureStatistics(statistics.mean(), statistics.std()); // a resumed run loads its saved ones over these
        VqaTask task = new VqaTask(fresh, questionVocab, answerVocab, cache, samples, validation,
                options.batchSize(), manager);
        if (resume && Files.exists(loop.checkpointFile())) {
            var saved = ModelBundle.read(loop.checkpointFile(), TASK);
            if (!task.vocabulary().equals(saved.vocabulary()) || !config.equals(saved.config(VqaConfig.class))) {
                throw new BundleException(loop.checkpointFile(), "was trained with other data or options; resume with the same ones");
            }
        }
        net = (VqaNet) task.block();
        return loop.fit(task, manager, resume);
    }

    public VqaConfig config() {
        return config;
    }

    public Vocabulary questionVocabulary() {
        return questionVocab;
    }

    public Vocabulary answerVocabulary() {
        return answerVocab;
    }

    /** Labelled questions trained on. */
    public int trainingQuestions() {
        return samples.size();
    }

    public List<VqaItem> validationQuestions() {
        return validation;
    }

    /** The trained net (after {@link #train}). */
    public VqaNet net() {
        return net;
    }

    public FeatureCache cache() {
        return cache;
    }
}
