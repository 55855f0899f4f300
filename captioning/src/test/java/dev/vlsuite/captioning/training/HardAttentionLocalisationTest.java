package dev.vlsuite.captioning.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.vlsuite.assets.dataset.Splits;
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
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hard attention looks at what it names because of REINFORCE: trained with sampled glimpses only (no expected-context
 * batches, no doubly stochastic term, so nothing else moves the attention), on single-object scenes it has not seen,
 * the attention mass inside the object's box while it emits the object's colour or shape word is well above the box's
 * share of the image, and above the same seeded run with the policy-gradient term switched off.
 * <p>
 * DISABLED: it fails; hard attention does not localise here. Measured 2026-12-01 on 200 single-object scenes (40
 * held out), E/H/A 48/96/48, lr 5e-3 (mass inside the box vs the box's area fraction):
 * <ul>
 *   <li>300 steps, sampled glimpses only, lambda 0: 0.028 with REINFORCE, 0.105 switched off (area 0.090);</li>
 *   <li>300 steps, entropy bonus 0.02 / 0.05 (lr 1e-2): 0.077 / 0.102 (area ~0.09);</li>
 *   <li>300 steps, lambda 0.1: 0.098 with REINFORCE, 0.092 switched off; with half the batches on the expected
 *       context (the paper's mix): 0.066;</li>
 *   <li>900 steps, lambda 0.1: 0.087 sampled only, 0.110 the paper's mix (area ~0.087).</li>
 * </ul>
 * The soft model localises in the same set-up (AttentionLocalisationTest: above twice the area in 300 steps), so
 * either the hard arch's attention learns far more slowly than this budget or something in its path (sampling,
 * the REINFORCE reward/baseline, the argmax glimpse at decoding) is wrong: open, see the kit report (issue 7).
 */
class HardAttentionLocalisationTest {
    private static final int SCENES = 200, STEPS = 300, CANVAS = 128;

    @TempDir Path tmp;

    private record Localisation(double inside, double area, int words) {}

    @Test
    @Disabled("hard attention does not localise within this budget (measurements in the class comment); open in issue 7")
    void reinforceMovesTheAttentionOntoTheNamedObject() throws Exception {
        try (SyntheticCaptions data = SyntheticCaptions.generate(tmp, 5, SCENES, WorldOptions.singleObject(), new Splits(0.8, 0.2, 0));
             NDManager manager = NDManager.newBaseManager()) {
            Localisation on = trainAndMeasure(data, false, manager);
            Localisation off = trainAndMeasure(data, true, manager);
            System.err.printf("hard attention mass inside the box: %.3f with REINFORCE, %.3f without; box area %.3f (%d, %d words)%n",
                    on.inside(), off.inside(), on.area(), on.words(), off.words());
            assertTrue(on.words() >= data.scenes().size() / 10, "colour/shape words emitted: " + on.words());
            assertTrue(on.inside() > 2 * on.area() && on.inside() > on.area() + 0.15,
                    "attention mass inside the object's box " + on.inside() + " vs its area fraction " + on.area());
            assertTrue(on.inside() > off.inside() + 0.1, "REINFORCE " + on.inside() + " vs switched off " + off.inside());
        }
    }

    private Localisation trainAndMeasure(SyntheticCaptions data, boolean policyGradientOff, NDManager manager) throws Exception {
        CaptionConfig model = CaptionConfig.defaults(Arch.HARD, 5, 1, 1, "vgg-small", CANVAS).withSizes(48, 96, 48)
                .withRegularisation(0f, 0f).withHardAttention(0.002f, 0f).withPolicyGradientOff(policyGradientOff);
        CaptionTraining training = CaptionTraining.prepare(data.dataset(), data.root(), data.cache(), model,
                CaptionTrainingOptions.defaults().withMinWordCount(1), line -> { throw new AssertionError(line); });
        TrainConfig train = TrainConfig.defaults().withEpochs(1000).withMaxSteps(STEPS).withLr(5e-3, LrSchedule.constant())
                .withValidation(STEPS, null, TrainConfig.Goal.MAX, 0).withCheckpointEvery(0).withSeed(8);
        training.train(train, tmp.resolve(policyGradientOff ? "run-off" : "run-on"), false, manager);
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
                inside += AttentionLocalisationTest.massInside(caption.attention()[t], object.bbox());
                area += object.bbox().width() * object.bbox().height() / (CANVAS * CANVAS);
                words++;
            }
        }
        return new Localisation(inside / Math.max(1, words), area / Math.max(1, words), words);
    }
}
