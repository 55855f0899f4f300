package dev.vlsuite.vqa.training;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.vqa.model.Arch;
import dev.vlsuite.vqa.model.VqaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Manual sizing runs (not a test): java ... Experiment DIR ARCH EPOCHS LR E H A DROPOUT BLIND TRAIN_SCENES, with
 * -Dworld=easy (1-2 shapes), -DimageSize=PX, -Dhops=N, -Dbilinear=M, -Dcoordinates=true, -DcellKernel=3,
 * -DfeaturesOnly=true (extract and stop). Prints the official accuracy on 80 fresh scenes overall, per answer type and
 * per question type (README's equal-budget comparison: san 32/64/32, 12 epochs of 800 scenes, 3e-3, dropout 0.1).
 */
public final class Experiment {
    static java.util.List<dev.vlsuite.vqa.data.VqaItem> load(Path d, long seed, int n) throws Exception {
        WorldOptions world = System.getProperty("world", "default").equals("easy") ? new WorldOptions(1, 2, false) : WorldOptions.DEFAULT;
        if (!Files.exists(d.resolve("dataset.json"))) return SyntheticVqa.generate(d, seed, n, world).items();
        return dev.vlsuite.vqa.data.VqaDataReader.read(d.resolve("questions.json"), d.resolve("annotations.json"), d, l -> { }).items();
    }

    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        Arch arch = Arch.parse(a[1]);
        int epochs = Integer.parseInt(a[2]);
        double lr = Double.parseDouble(a[3]);
        int e = Integer.parseInt(a[4]), h = Integer.parseInt(a[5]), att = Integer.parseInt(a[6]);
        float drop = Float.parseFloat(a[7]);
        boolean blind = Boolean.parseBoolean(a[8]);
        int scenes = Integer.parseInt(a[9]);
        String w = System.getProperty("world", "default");
        var train = load(dir.resolve(w + "-train-" + scenes), 11, scenes);
        var test = load(dir.resolve(w + "-test-80"), 12, 80);
        int size = Integer.getInteger("imageSize", 128);
        try (FeatureCache cache = FeatureCache.open(dir.resolve("features-" + size),
                dev.vlsuite.shared.vision.Backbones.open("vgg-small", Device.cpu(), size)); NDManager m = NDManager.newBaseManager(Device.cpu())) {
            var fx = cache.extractor();
            VqaConfig model = VqaConfig.defaults(arch, fx.channels(), fx.gridSide(), "grid", "vgg-small", fx.inputSize())
                    .withSizes(e, h, 1, h, h, att, Integer.getInteger("hops", 2)).withDropout(drop).withBlind(blind)
                    .withSanExtras(Integer.getInteger("bilinear", 0), Boolean.getBoolean("coordinates"))
                    .withCellKernel(Integer.getInteger("cellKernel", 1));
            if (Boolean.getBoolean("featuresOnly")) {
                cache.ensure(java.util.stream.Stream.concat(train.stream(), test.stream()).map(dev.vlsuite.vqa.data.VqaItem::image)
                        .distinct().toList(), System.err::println);
                return;
            }
            VqaTraining t = VqaTraining.prepare(train, test, cache, model, VqaTrainingOptions.defaults().withBatchSize(64), System.err::println);
            Path run = dir.resolve("run-" + System.nanoTime());
            long t0 = System.nanoTime();
            var r = t.train(TrainConfig.defaults().withEpochs(epochs).withLr(lr, null).withSeed(5).withLogEvery(20), run, false, m);
            System.out.printf("%s blind=%s: %d steps in %.1f s, best %.1f%n", arch, blind, r.steps(), (System.nanoTime() - t0) / 1e9, r.bestMetric());
            var answers = CachedAnswers.answer(t.net(), new ai.djl.training.ParameterStore(m, false), t.questionVocabulary(),
                    t.answerVocabulary(), cache, test, 256, m);
            java.util.Map<String, double[]> byType = new java.util.TreeMap<>();
            for (int i = 0; i < test.size(); i++) {
                var an = test.get(i).annotation();
                double acc = Official.accuracy(answers.get(i).answer(), an.answers());
                for (String k : List.of("overall", an.answerType(), an.questionType())) {
                    double[] x = byType.computeIfAbsent(k, z -> new double[2]);
                    x[0] += acc;
                    x[1]++;
                }
            }
            byType.forEach((k, x) -> System.out.printf("  %-20s %6.2f (%d)%n", k, 100 * x[0] / x[1], (int) x[1]));
        }
    }
}
