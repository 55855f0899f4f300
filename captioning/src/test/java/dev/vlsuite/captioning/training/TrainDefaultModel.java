package dev.vlsuite.captioning.training;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.assets.dataset.SceneWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.WrittenDataset;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.captioning.model.Arch;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.shared.engine.EngineOptions;
import dev.vlsuite.shared.engine.VlEngine;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.captions.CaptionDatasets;
import dev.vlsuite.shared.train.LrSchedule;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import dev.vlsuite.shared.vision.Backbones;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.shared.vision.FeatureExtractor;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The recipe of the built-in default captioning model (assets/README.md): a soft-attention model on vgg-small
 * features of the synthetic shapes world, trained from a fixed seed. Usage:
 * <pre>
 *   TrainDefaultModel OUT.vlm WORK_DIR [steps [threads]]
 * </pre>
 * WORK_DIR receives the generated scenes, the feature cache and the training run (resumable).
 */
public final class TrainDefaultModel {
    public static final long SEED = 7;
    public static final int SCENES = 3000;
    public static final int DEFAULT_STEPS = 12000;

    private TrainDefaultModel() {}

    /** The default model's architecture: Xu et al.'s soft attention, sized for the 40-word synthetic language. */
    public static CaptionConfig modelConfig() {
        return CaptionConfig.defaults(Arch.SOFT, 5, 1, 1, "vgg-small", 128).withSizes(128, 256, 128)
                .withRegularisation(0.3f, 1f).withMaxLength(20);
    }

    public static TrainConfig trainConfig(long steps) {
        return TrainConfig.defaults().withEpochs(1000).withMaxSteps(steps).withLr(2e-3, LrSchedule.cosine(100, 0.05))
                .withValidation(500, "CIDEr", TrainConfig.Goal.MAX, 0).withCheckpointEvery(500).withLogEvery(100)
                .withSeed(SEED);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: TrainDefaultModel OUT.vlm WORK_DIR [steps [threads]]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Path work = Path.of(args[1]);
        long steps = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_STEPS;
        Device device = VlEngine.configure(new EngineOptions("cpu", args.length > 3 ? Integer.parseInt(args[3]) : 0, SEED, false));
        Path data = work.resolve("data");
        WrittenDataset written = Files.exists(data.resolve(SceneWriter.DATASET_JSON))
                ? new WrittenDataset(data, SCENES, 0, 0)
                : SceneWriter.write(data, SyntheticWorld.generate(SEED, SCENES, 128, WorldOptions.DEFAULT), new Splits(0.9, 0.05, 0.05));
        try (FeatureExtractor fx = Backbones.open("vgg-small", device);
             FeatureCache cache = FeatureCache.open(work.resolve("features"), fx);
             NDManager manager = NDManager.newBaseManager(device)) {
            CaptionTraining training = CaptionTraining.prepare(CaptionDatasets.read(written.datasetJson()), written.dir(), cache,
                    modelConfig(), CaptionTrainingOptions.defaults().withValidation("val", 150), System.err::println);
            System.err.println("vocabulary " + training.vocabulary().size() + " words, " + training.trainImages().size()
                    + " training images, config " + training.config());
            long t0 = System.nanoTime();
            TrainResult result = training.train(trainConfig(steps), work.resolve("run"), true, manager);
            System.err.printf("trained %d steps in %.0f s; best CIDEr %.3f at step %d; last validation %s%n", result.steps(),
                    (System.nanoTime() - t0) / 1e9, result.bestMetric(), result.bestStep(), result.lastMetrics());
            AtomicFiles.write(out, o -> Files.copy(result.modelFile(), o));
            System.err.println("wrote " + out + " (" + Files.size(out) + " bytes)");
        }
    }
}
