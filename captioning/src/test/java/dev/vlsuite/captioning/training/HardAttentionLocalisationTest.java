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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hard attention looks at what it names because of REINFORCE. Trained with sampled glimpses only (no expected-context
 * batches, no doubly stochastic term, so nothing but the policy gradient moves the attention), on two-object scenes it
 * has not seen, while it emits an object's colour or shape word:
 * <ul>
 *   <li>the attention mass inside that object's box is well above the box's share of the image, and well above the
 *       same seeded run with the policy-gradient term switched off (which leaves the attention untrained);</li>
 *   <li>the cell it actually glimpses (decoding takes the most likely one) falls in that box far more often.</li>
 * </ul>
 * Why two objects: captions name them in a fixed order ("a red circle to the left of a blue star"), and the initial
 * state h_0 = f(mean feature) knows which colours and shapes are present but not where, so only a glimpse of the right
 * object tells which comes first. On single-object scenes h_0 already holds everything a caption says, a glimpse only
 * disturbs the decoder, and REINFORCE rightly learns to look at a quiet background cell (measured 2026-12-01, 300
 * steps: mass in the box 0.028 with REINFORCE, 0.105 switched off, box area 0.090).
 * <p>
 * Measured 2026-12-01 (these settings, 140 held-out scenes; mass in box / box area / most-likely cell in box):
 * seed 8 0.248 / 0.095 / 0.51, seed 9 0.148 / 0.090 / 0.37, seed 10 0.174 / 0.090 / 0.45; switched off (seed 9)
 * 0.080 / 0.097 / 0.07. The thresholds sit below the worst seed.
 * <p>
 * A finding on the paper's mix (not asserted here): with half the batches on the expected context, single-object
 * scenes, 300 steps, the mass in the box is 0.82 with the policy gradient off but 0.05 with it on, because the reward is
 * the summed log-likelihood of the sequence (tens of nats) while arctic-captions scales it down (per-token mean / 10):
 * with that scale it is 0.62. Under Adam the large REINFORCE gradients swamp the expected-context ones.
 */
class HardAttentionLocalisationTest {
    private static final int SCENES = 300, STEPS = 600, CANVAS = 128;
    private static final WorldOptions TWO_OBJECTS = new WorldOptions(2, 2, true);

    @TempDir Path tmp;

    /** Means over the colour/shape words of the held-out captions. */
    private record Localisation(double inside, double area, double glimpseInside, int words) {}

    @Test
    void reinforceMovesTheAttentionOntoTheNamedObject() throws Exception {
        // 160 training scenes, 140 held out: enough held-out words (~270) for a steady mean
        try (SyntheticCaptions data = SyntheticCaptions.generate(tmp, 5, SCENES, TWO_OBJECTS, new Splits(0.5334, 0.4666, 0));
             NDManager manager = NDManager.newBaseManager()) {
            Localisation on = trainAndMeasure(data, false, manager);
            Localisation off = trainAndMeasure(data, true, manager);
            System.err.printf("hard attention inside the named object's box: mass %.3f with REINFORCE, %.3f off (box area %.3f);"
                    + " glimpsed cell inside %.2f vs %.2f (%d, %d words)%n",
                    on.inside(), off.inside(), on.area(), on.glimpseInside(), off.glimpseInside(), on.words(), off.words());
            int heldOut = (int) Math.round(SCENES * 0.4666);
            assertTrue(on.words() >= heldOut, "colour/shape words emitted: " + on.words() + " for " + heldOut + " images");
            assertTrue(on.inside() > 1.5 * on.area(), "attention mass inside the object's box " + on.inside()
                    + " vs its area fraction " + on.area());
            assertTrue(on.inside() > off.inside() + 0.06, "mass in the box: REINFORCE " + on.inside() + " vs switched off " + off.inside());
            assertTrue(on.glimpseInside() > 0.3 && on.glimpseInside() > off.glimpseInside() + 0.2,
                    "glimpsed cell inside the box: REINFORCE " + on.glimpseInside() + " vs switched off " + off.glimpseInside());
        }
    }

    private Localisation trainAndMeasure(SyntheticCaptions data, boolean policyGradientOff, NDManager manager) throws Exception {
        // the paper's entropy bonus 0.002; sampled glimpses only (expected-context probability 0), no doubly stochastic term
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
        double inside = 0, area = 0, glimpse = 0;
        int words = 0;
        for (int i = 0; i < heldOut.size(); i++) {
            Scene scene = data.scenes().get(Integer.parseInt(heldOut.get(i).id()));
            Caption caption = captions.get(i);
            for (int t = 0; t < caption.tokens().size(); t++) {
                SceneObject object = named(scene, caption.tokens().get(t));
                if (object == null) continue;
                float[] alpha = caption.attention()[t];                                   // (L) of the step emitting the word
                inside += AttentionLocalisationTest.massInside(alpha, object.bbox());
                glimpse += AttentionLocalisationTest.massInside(oneHotOfLargest(alpha), object.bbox());
                area += object.bbox().width() * object.bbox().height() / (CANVAS * CANVAS);
                words++;
            }
        }
        int n = Math.max(1, words);
        return new Localisation(inside / n, area / n, glimpse / n, words);
    }

    /** The scene's object with this colour or shape word (both are distinct within a scene), or null. */
    private static SceneObject named(Scene scene, String word) {
        for (SceneObject o : scene.objects()) {
            if (word.equals(o.colour().word()) || word.equals(o.kind().word())) return o;
        }
        return null;
    }

    /** The cell decoding glimpses (the most likely one), as a one-hot attention map. */
    private static float[] oneHotOfLargest(float[] alpha) {
        int best = 0;
        for (int k = 1; k < alpha.length; k++) if (alpha[k] > alpha[best]) best = k;
        float[] oneHot = new float[alpha.length];
        oneHot[best] = 1;
        return oneHot;
    }
}
