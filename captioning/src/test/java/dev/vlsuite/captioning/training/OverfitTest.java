package dev.vlsuite.captioning.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.captioning.model.Arch;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.captioning.model.CaptionNets;
import dev.vlsuite.captioning.api.CaptionModel;
import dev.vlsuite.shared.train.LrSchedule;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every arch memorises a handful of scenes, one caption each: the teacher-forced loss goes near zero and greedy
 * decoding (from the saved bundle, as the tool loads it) gives back exactly each image's caption. A model with a
 * broken recurrence, attention, output layer, mask or decoder cannot do this.
 */
class OverfitTest {
    private static final int SCENES = 4, STEPS = 200;

    @TempDir Path tmp;

    @ParameterizedTest
    @EnumSource(Arch.class)
    void tinyModelMemorisesItsCaptions(Arch arch) throws Exception {
        try (SyntheticCaptions data = SyntheticCaptions.generate(tmp, 11, SCENES, WorldOptions.DEFAULT, new Splits(1, 0, 0));
             NDManager manager = NDManager.newBaseManager()) {
            CaptionConfig model = CaptionConfig.defaults(arch, 5, 1, 1, "vgg-small", 128).withSizes(32, 64, 32)
                    .withRegularisation(0f, 0f);
            CaptionTraining training = CaptionTraining.prepare(data.firstCaptionOnly(), data.root(), data.cache(), model,
                    CaptionTrainingOptions.defaults().withMinWordCount(1).withBatchSize(SCENES).withValidation("train", 0),
                    line -> { throw new AssertionError(line); });
            TrainConfig train = TrainConfig.defaults().withEpochs(STEPS).withMaxSteps(STEPS)
                    .withLr(2e-2, LrSchedule.constant()).withValidation(STEPS, null, TrainConfig.Goal.MAX, 0)
                    .withCheckpointEvery(0).withSeed(3);
            TrainResult result = training.train(train, tmp.resolve("run"), false, manager);
            assertEquals(STEPS, result.steps());

            ParameterStore ps = new ParameterStore(manager, false);
            List<CaptionCorpus.Item> items = training.trainImages();
            double loss = TeacherForcedLoss.of(training.net(), training.vocabulary(), data.cache(), items, ps, manager);
            assertTrue(loss < 0.05, arch + ": teacher-forced loss after training " + loss);

            Map<String, String> captions;
            try (CaptionModel loaded = CaptionModel.load(result.modelFile(), manager.getDevice())) {
                captions = new CachedCaptioner(loaded.net(), loaded.vocabulary(), data.cache())
                        .captions(new ParameterStore(manager, false), items, 1, manager);
            }
            for (CaptionCorpus.Item item : items) {
                assertEquals(String.join(" ", item.words().get(0)), captions.get(item.id()), arch + " image " + item.id());
            }
            assertEquals(1.0, result.lastMetrics().get("Bleu_4"), 1e-9, arch + " validation BLEU-4 on the training images");
        }
    }
}
