package dev.vlsuite.captioning.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.captioning.model.Arch;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.train.LrSchedule;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stochastic hard attention learns with REINFORCE alone: with the expected-context shortcut switched off, every
 * step samples one cell per word, and the training loss (the caption objective under sampled glimpses) still falls
 * well below where it starts, and greedy captions (most likely cell) match the references.
 */
class HardAttentionTrainingTest {
    private static final int SCENES = 60, STEPS = 320, LOG_EVERY = 40;

    @TempDir Path tmp;

    @Test
    void sampledAttentionTrainingLowersTheLoss() throws Exception {
        try (SyntheticCaptions data = SyntheticCaptions.generate(tmp, 21, SCENES, WorldOptions.singleObject(), new Splits(1, 0, 0));
             NDManager manager = NDManager.newBaseManager()) {
            CaptionConfig model = CaptionConfig.defaults(Arch.HARD, 5, 1, 1, "vgg-small", 128).withSizes(32, 64, 32)
                    .withRegularisation(0f, 0f).withHardAttention(0.002f, 0f);
            CaptionTraining training = CaptionTraining.prepare(data.firstCaptionOnly(), data.root(), data.cache(), model,
                    CaptionTrainingOptions.defaults().withMinWordCount(1).withBatchSize(20).withValidation("train", 0),
                    line -> { throw new AssertionError(line); });
            TrainConfig train = TrainConfig.defaults().withEpochs(1000).withMaxSteps(STEPS).withLr(1e-2, LrSchedule.constant())
                    .withValidation(STEPS, null, TrainConfig.Goal.MAX, 0).withCheckpointEvery(0).withLogEvery(LOG_EVERY).withSeed(4);
            TrainResult result = training.train(train, tmp.resolve("run"), false, manager);

            List<Double> losses = new ArrayList<>();
            for (String line : Files.readAllLines(tmp.resolve("run/metrics.jsonl"))) {
                JsonNode n = Json.MAPPER.readTree(line);
                if (n.path("type").asText().equals("train")) losses.add(n.get("loss").asDouble());
            }
            double first = losses.get(0), last = losses.get(losses.size() - 1);
            System.err.println("hard attention training losses " + losses + " metrics " + result.lastMetrics());
            assertTrue(last < 0.25 * first, "sampled-attention loss went from " + first + " to " + last);
            assertTrue(result.lastMetrics().get("Bleu_4") > 0.5, "greedy BLEU-4 on the training scenes " + result.lastMetrics());
        }
    }
}
