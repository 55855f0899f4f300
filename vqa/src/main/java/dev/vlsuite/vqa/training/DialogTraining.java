package dev.vlsuite.vqa.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import dev.vlsuite.shared.train.TrainingLoop;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.vqa.api.ImageFeatures;
import dev.vlsuite.vqa.data.DialogSet;
import dev.vlsuite.vqa.model.LateFusionConfig;
import dev.vlsuite.vqa.model.LateFusionNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Trains a late-fusion dialog model on the shared loop (checkpoints, resume, validation MRR/NDCG, best model).
 * The image vectors come from the shared feature cache, extracted once.
 */
public final class DialogTraining {
    private final LateFusionConfig config;
    private final Vocabulary vocabulary;
    private final DialogSet train;
    private final DialogSet validation;
    private final FeatureCache cache;
    private final int batchSize;
    private LateFusionNet net;
    private boolean blind;   // tests' baseline: every image vector zeroed

    private DialogTraining(LateFusionConfig config, Vocabulary vocabulary, DialogSet train, DialogSet validation,
                           FeatureCache cache, int batchSize) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.train = train;
        this.validation = validation;
        this.cache = cache;
        this.batchSize = batchSize;
    }

    /** The vocabulary of the training dialogs (questions, answers, captions), words seen at least minCount times. */
    public static Vocabulary vocabulary(dev.vlsuite.shared.metrics.retrieval.VisDialData train, int minCount) {
        return Vocabulary.build(DialogSet.sentences(train), minCount);
    }

    /**
     * Extracts (or finds cached) image features of both sets; images that fail are reported on {@code onBadFile}
     * and their dialogs dropped.
     */
    public static DialogTraining prepare(LateFusionConfig config, Vocabulary vocabulary, DialogSet train, DialogSet validation,
                                         FeatureCache cache, int batchSize, java.util.function.Consumer<String> onBadFile) throws IOException {
        List<Path> images = new ArrayList<>(train.images());
        if (validation != null) images.addAll(validation.images());
        cache.ensure(images.stream().distinct().toList(), onBadFile);
        return new DialogTraining(config, vocabulary, keepCached(train, cache), validation == null ? null : keepCached(validation, cache), cache, batchSize);
    }

    private static DialogSet keepCached(DialogSet set, FeatureCache cache) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < set.images().size(); i++) if (cache.contains(set.images().get(i))) keep.add(i);
        if (keep.size() == set.images().size()) return set;
        var dialogs = keep.stream().map(i -> set.data().dialogs().get(i)).toList();
        var data = new dev.vlsuite.shared.metrics.retrieval.VisDialData(set.data().version(), set.data().split(),
                set.data().questions(), set.data().answers(), dialogs);
        List<List<dev.vlsuite.vqa.data.DialogRoundSample>> rounds = new ArrayList<>();
        for (int j = 0; j < keep.size(); j++) {
            int dialog = j;
            rounds.add(set.dialogs().get(keep.get(j)).stream()
                    .map(r -> new dev.vlsuite.vqa.data.DialogRoundSample(dialog, r.round(), r.image(), r.question(), r.history(), r.options(), r.gtIndex()))
                    .toList());
        }
        var ids = new java.util.HashSet<Long>();
        dialogs.forEach(d -> ids.add(d.imageId()));
        return new DialogSet(data, set.dense().stream().filter(a -> ids.contains(a.imageId())).toList(),
                keep.stream().map(i -> set.images().get(i)).toList(), set.answers(), rounds);
    }

    /** The cached image vector of a file: fc7, the pooled grid or (lf-att) the whole grid (L*D), as the config says. */
    public static Function<Path, float[]> vectors(FeatureCache cache, LateFusionConfig config, NDManager manager) {
        if (ImageFeatures.GRID.equals(config.imageFeature())) return cache::gridArray;
        return p -> {
            try (NDArray v = ImageFeatures.FC7.equals(config.imageFeature()) ? cache.fc7(p, manager) : cache.pooled(p, manager)) {
                return v.toFloatArray();
            }
        };
    }

    public TrainResult train(TrainConfig trainConfig, Path runDir, boolean resume, NDManager manager) throws IOException {
        TrainingLoop loop = new TrainingLoop(trainConfig, runDir);
        LateFusionNet fresh = new LateFusionNet(config);
        Engine.getInstance().setRandomSeed((int) trainConfig.seed());
        fresh.initialize(manager, DataType.FLOAT32, LateFusionNet.inputShapes(config));
        Function<Path, float[]> vectors = imageVectors(manager);
        float[][] stats = statistics(train.images(), vectors, config.featureSize());
        fresh.setFeatureStatistics(stats[0], stats[1]);   // a resumed run loads its saved ones over these
        DialogTask task = new DialogTask(fresh, vocabulary, train, validation, vectors, batchSize, manager);
        if (resume && Files.exists(loop.checkpointFile())) {
            var saved = ModelBundle.read(loop.checkpointFile(), DialogTask.TASK);
            if (!task.vocabulary().equals(saved.vocabulary()) || !config.equals(saved.config(LateFusionConfig.class))) {
                throw new BundleException(loop.checkpointFile(), "was trained with other data or options; resume with the same ones");
            }
        }
        net = fresh;
        return loop.fit(task, manager, resume);
    }

    /**
     * Per-channel {mean, std} of the image features over the distinct training images (and every grid location
     * for lf-att): the standardisation the model applies before the L2 norm.
     */
    static float[][] statistics(List<Path> images, Function<Path, float[]> vectors, int d) {
        double[] sum = new double[d];
        double[] sq = new double[d];
        long n = 0;
        for (Path image : new java.util.LinkedHashSet<>(images)) {
            float[] v = vectors.apply(image);                                        // (D) or (L*D)
            for (int i = 0; i < v.length; i++) {
                sum[i % d] += v[i];
                sq[i % d] += (double) v[i] * v[i];
            }
            n += v.length / d;
        }
        float[] mean = new float[d];
        float[] std = new float[d];
        for (int j = 0; j < d; j++) {
            double mu = sum[j] / Math.max(1, n);
            mean[j] = (float) mu;
            std[j] = (float) Math.max(1e-6, Math.sqrt(Math.max(0, sq[j] / Math.max(1, n) - mu * mu)));
        }
        return new float[][] {mean, std};
    }

    /** The learning tests' blind baseline: the same model trained (and scored, {@link #imageVectors}) with every image zeroed. */
    DialogTraining blind() {
        blind = true;
        return this;
    }

    /** The image vectors this training reads (zeros when {@link #blind}). */
    Function<Path, float[]> imageVectors(NDManager manager) {
        Function<Path, float[]> real = vectors(cache, config, manager);
        return blind ? p -> new float[real.apply(p).length] : real;
    }

    /** The trained model (after {@link #train}). */
    public LateFusionNet net() {
        return net;
    }

    public LateFusionConfig config() {
        return config;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }
}
