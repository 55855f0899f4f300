package dev.vlsuite.captioning.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.world.Box;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SceneObject;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.captioning.api.Caption;
import dev.vlsuite.captioning.model.Arch;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.shared.train.LrSchedule;
import dev.vlsuite.shared.train.TrainConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soft attention looks at what it names: on single-object scenes it has not seen, while a trained soft model emits
 * the object's colour or shape word, the attention mass on the grid cells under the object's box is well above the
 * box's share of the image (what uniform or misplaced attention would give).
 */
class AttentionLocalisationTest {
    private static final int SCENES = 240, STEPS = 300, SIDE = 8, CANVAS = 128;

    @TempDir Path tmp;

    @Test
    void attentionFallsOnTheNamedObject() throws Exception {
        try (SyntheticCaptions data = SyntheticCaptions.generate(tmp, 5, SCENES, WorldOptions.singleObject(), new Splits(0.8, 0.2, 0));
             NDManager manager = NDManager.newBaseManager()) {
            CaptionConfig model = CaptionConfig.defaults(Arch.SOFT, 5, 1, 1, "vgg-small", CANVAS).withSizes(48, 96, 48)
                    .withRegularisation(0f, 0.1f);
            CaptionTraining training = CaptionTraining.prepare(data.dataset(), data.root(), data.cache(), model,
                    CaptionTrainingOptions.defaults().withMinWordCount(1), line -> { throw new AssertionError(line); });
            TrainConfig train = TrainConfig.defaults().withEpochs(1000).withMaxSteps(STEPS).withLr(5e-3, LrSchedule.constant())
                    .withValidation(STEPS, null, TrainConfig.Goal.MAX, 0).withCheckpointEvery(0).withSeed(8);
            training.train(train, tmp.resolve("run"), false, manager);

            List<CaptionCorpus.Item> heldOut = training.validationImages();
            List<Caption> captions = training.captioner(training.net())
                    .caption(new ParameterStore(manager, false), heldOut.stream().map(CaptionCorpus.Item::file).toList(), 1, manager);
            double inside = 0, area = 0;
            int words = 0;
            for (int i = 0; i < heldOut.size(); i++) {
                Scene scene = data.scenes().get(Integer.parseInt(heldOut.get(i).id()));
                SceneObject object = scene.objects().get(0);
                Caption caption = captions.get(i);
                for (int t = 0; t < caption.tokens().size(); t++) {
                    String w = caption.tokens().get(t);
                    if (!w.equals(object.colour().word()) && !w.equals(object.kind().word())) continue;
                    inside += massInside(caption.attention()[t], object.bbox());
                    area += object.bbox().width() * object.bbox().height() / (CANVAS * CANVAS);
                    words++;
                }
            }
            assertTrue(words >= heldOut.size(), "colour/shape words emitted: " + words + " for " + heldOut.size() + " images");
            double meanInside = inside / words, meanArea = area / words;
            System.err.printf("attention mass inside the box %.3f, box area fraction %.3f (%d words)%n", meanInside, meanArea, words);
            assertTrue(meanInside > 2 * meanArea && meanInside > meanArea + 0.15,
                    "attention mass inside the object's box " + meanInside + " vs its area fraction " + meanArea);
        }
    }

    /** Sum of alpha over the grid, each cell weighted by the fraction of it covered by the box. */
    static double massInside(float[] alpha, Box box) {
        double cell = (double) CANVAS / SIDE, mass = 0;
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                double w = overlap(c * cell, (c + 1) * cell, box.x0(), box.x1()) * overlap(r * cell, (r + 1) * cell, box.y0(), box.y1());
                mass += alpha[r * SIDE + c] * w / (cell * cell);
            }
        }
        return mass;
    }

    private static double overlap(double a0, double a1, double b0, double b1) {
        return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    }
}
