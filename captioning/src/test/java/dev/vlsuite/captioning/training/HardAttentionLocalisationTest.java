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
 * The soft model localises in the same set-up (AttentionLocalisationTest: above twice the area in 300 steps).
 * <p>
 * Investigated 2026-12-01 (issue 7 section 4): no defect found in the hard path. HardAttentionTest checks the
 * sampler (draws follow alpha, the context and log-prob are those of the drawn cell) and the REINFORCE estimator
 * against the closed form; HardAttentionReinforceTest checks the net's wiring (the reward log p(y|s,a) per sequence,
 * detached, with a plus sign; the previous batch's baseline subtracted; masked steps left out; switched off, the
 * attention gets no gradient at all, so the "off" run above is the untrained attention: about the box area).
 * Decoding reports alpha of the step that emits the word (the same path the soft test passes through). What the
 * trained attention looks like (300 steps, REINFORCE): nearly flat, the largest weight 0.02-0.04 where uniform is
 * 1/64, its peak mostly on the left-edge column of the 8x8 grid whatever the image: the policy gradient moves it
 * little, and away from the object. Two ablations (temporary code, not kept):
 * <ul>
 *   <li>reward sign flipped, 300 steps: 0.074 (area 0.095), also below the area; the right sign pushes it further away (0.028);</li>
 *   <li>h_0/c_0 not given the mean feature (so only the glimpse can tell colour and shape): 300 steps 0.052, the model
 *       names an object's colour/shape 12 times in 40 images; 900 steps 0.038 with REINFORCE vs 0.092 off (area
 *       0.089), 46 words, so it names objects from glimpses that mostly miss the box (presumably the cells' receptive fields reach the object).</li>
 * </ul>
 * Likely reading (a hypothesis, not proven): with single objects on a plain grey ground, the glimpse is not needed to name the object (the initial
 * state and any cell's wide receptive field carry it), so the reward mostly measures how little a glimpse disturbs
 * the decoder, and a consistent off-object cell disturbs least. REINFORCE does what it is asked; the task does not ask
 * for looking at the object. A hard-attention localisation test needs scenes where only the object's cells tell the
 * answer (e.g. several objects, the caption naming one by position), which is beyond this test's budget: kept disabled.
 */
class HardAttentionLocalisationTest {
    private static final int SCENES = 200, STEPS = 300, CANVAS = 128;

    @TempDir Path tmp;

    private record Localisation(double inside, double area, int words) {}

    @Test
    @Disabled("hard attention does not localise on single-object scenes; no defect found (investigation in the class comment)")
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
