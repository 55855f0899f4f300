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

/** Manual sizing runs (not a test): java ... Experiment DIR ARCH EPOCHS LR E H A DROPOUT BLIND TRAIN_SCENES. */
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
        try (FeatureCache cache = SyntheticVqa.cache(dir.resolve("features")); NDManager m = NDManager.newBaseManager(Device.cpu())) {
            var fx = cache.extractor();
            VqaConfig model = VqaConfig.defaults(arch, fx.channels(), fx.gridSide(), "grid", "vgg-small", fx.inputSize())
                    .withSizes(e, h, 1, h, h, att, 2).withDropout(drop).withBlind(blind);
            VqaTraining t = VqaTraining.prepare(train, test, cache, model, VqaTrainingOptions.defaults().withBatchSize(64), System.err::println);
            Path run = dir.resolve("run-" + System.nanoTime());
            long t0 = System.nanoTime();
            var r = t.train(TrainConfig.defaults().withEpochs(epochs).withLr(lr, null).withSeed(5).withLogEvery(20), run, false, m);
            System.out.printf("%s blind=%s: %d steps in %.1f s, best %.1f%n", arch, blind, r.steps(), (System.nanoTime() - t0) / 1e9, r.bestMetric());
            Files.readAllLines(run.resolve("metrics.jsonl")).forEach(System.out::println);
        }
    }
}
