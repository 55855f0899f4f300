package dev.vlsuite.vqa.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.vlsuite.assets.world.Box;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SceneObject;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.vqa.api.Answer;
import dev.vlsuite.vqa.data.VqaItem;
import dev.vlsuite.vqa.model.Arch;
import dev.vlsuite.vqa.model.VqaConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof of learning on a tiny seeded san trained on synthetic scenes of one or two shapes, asked about unseen scenes of another seed:
 * it answers far better than the same net with the image zeroed (which can only learn each question's answer prior;
 * yes/no is balanced in every scene), and on "what color is the K?" its attention falls on the K.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearningTest {
    static final int TRAIN_SCENES = Integer.getInteger("vqa.trainScenes", 400);
    static final int TEST_SCENES = 80;
    static final int EPOCHS = Integer.getInteger("vqa.epochs", 12);
    /** One or two shapes on a plain background: what a model this small learns in a test's time (measured on a loaded machine with the bilinear term, coordinates and 3x3 projection: 67.2 vs 46.3, yes/no 62.4 vs 55.0, attention in the box 0.474 vs its area 0.090; the paper's san had 64.2 vs 45.2 and 0.154 vs 0.090). */
    /** yes/no points over question-only (measured 7.4: 62.4 vs 55.0 on 240 questions). */
    static final double YES_NO_MARGIN = 4;
    static final WorldOptions WORLD = new WorldOptions(1, 2, false);

    SyntheticVqa test;
    List<Answer> withImage;
    List<Answer> blind;

    @BeforeAll
    void train(@TempDir Path dir) throws Exception {
        SyntheticVqa train = SyntheticVqa.generate(dir.resolve("train"), 11, TRAIN_SCENES, WORLD);
        test = SyntheticVqa.generate(dir.resolve("test"), 12, TEST_SCENES, WORLD);
        try (FeatureCache cache = SyntheticVqa.cache(dir.resolve("features"))) {
            withImage = heldOut(train.items(), test.items(), cache, false, dir.resolve("run-san"));
            blind = heldOut(train.items(), test.items(), cache, true, dir.resolve("run-blind"));
        }
    }

    @Test
    void imagePathwayBeatsQuestionOnlyOnHeldOutScenes() {
        double san = CachedAnswers.accuracy(test.items(), withImage);
        double questionOnly = CachedAnswers.accuracy(test.items(), blind);
        System.out.printf("held-out official accuracy: san %.1f, question-only %.1f%n", san, questionOnly);
        assertTrue(san >= questionOnly + 15, "san " + san + " vs question-only " + questionOnly);
        assertTrue(questionOnly < 50, "question-only cannot see the images: " + questionOnly);
    }

    /**
     * Yes/no is balanced in every scene, so only the image tells: "is there a red circle?" when the circle is blue
     * needs the bilinear term (the paper's classifier on u_0 + context stayed at the question-only level, 55-57).
     */
    @Test
    void yesNoAnswersUseTheImage() {
        List<Integer> yesNo = new java.util.ArrayList<>();
        for (int i = 0; i < test.items().size(); i++) if ("yes/no".equals(test.items().get(i).annotation().answerType())) yesNo.add(i);
        double san = CachedAnswers.accuracy(yesNo.stream().map(test.items()::get).toList(), yesNo.stream().map(withImage::get).toList());
        double questionOnly = CachedAnswers.accuracy(yesNo.stream().map(test.items()::get).toList(), yesNo.stream().map(blind::get).toList());
        System.out.printf("held-out yes/no accuracy (%d questions): san %.1f, question-only %.1f%n", yesNo.size(), san, questionOnly);
        assertTrue(yesNo.size() >= 150, "yes/no questions: " + yesNo.size());
        assertTrue(san >= questionOnly + YES_NO_MARGIN, "yes/no: san " + san + " vs question-only " + questionOnly);
    }

    /** "what color is the K?": the grid attention of the last hop inside K's box, against the box's share of the image. */
    @Test
    void attentionFallsOnTheNamedShape() {
        double mass = 0;
        double area = 0;
        int n = 0;
        for (int i = 0; i < test.items().size(); i++) {
            VqaItem item = test.items().get(i);
            if (!item.question().startsWith("what color is the ")) continue;
            String kind = item.question().substring("what color is the ".length(), item.question().length() - 1);
            Scene scene = test.scenes().get((int) item.imageId());
            SceneObject o = scene.objects().stream().filter(x -> x.kind().word().equals(kind)).findFirst().orElseThrow();
            Answer a = withImage.get(i);
            float[] alpha = a.attention().get(a.attention().size() - 1);
            int side = a.gridSide();
            double cell = (double) scene.canvas() / side;
            double inBox = 0;
            int cells = 0;
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    if (inside(o.bbox(), (c + 0.5) * cell, (r + 0.5) * cell)) {
                        inBox += alpha[r * side + c];
                        cells++;
                    }
                }
            }
            if (cells == 0) continue;
            mass += inBox;
            area += (double) cells / (side * side);
            n++;
        }
        assertTrue(n >= 30, "colour questions with the shape on a cell centre: " + n);
        System.out.printf("attention mass in the named shape's box %.3f, its area %.3f (%d questions)%n", mass / n, area / n, n);
        assertTrue(mass / n >= 1.5 * area / n, "attention " + mass / n + " vs area " + area / n);
    }

    private static boolean inside(Box b, double x, double y) {
        return x >= b.x0() && x <= b.x1() && y >= b.y0() && y <= b.y1();
    }

    static List<Answer> heldOut(List<VqaItem> train, List<VqaItem> test, FeatureCache cache, boolean blind, Path run) throws Exception {
        VqaConfig model = tiny(cache).withBlind(blind);
        VqaTraining t = VqaTraining.prepare(train, List.of(), cache, model, VqaTrainingOptions.defaults().withBatchSize(64),
                line -> { throw new AssertionError(line); });
        cache.ensure(test.stream().map(VqaItem::image).distinct().toList(), line -> { throw new AssertionError(line); });
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            t.train(TrainConfig.defaults().withEpochs(EPOCHS).withLr(3e-3, null).withSeed(5), run, false, m);
            return CachedAnswers.answer(t.net(), new ParameterStore(m, false), t.questionVocabulary(), t.answerVocabulary(),
                    cache, test, 256, m);
        }
    }

    /** A CPU-sized san over vgg-small's 8x8x128 grid, with the built-in model's options (bilinear term, cell coordinates, 3x3 projection). */
    static VqaConfig tiny(FeatureCache cache) {
        var fx = cache.extractor();
        return VqaConfig.defaults(Arch.SAN, fx.channels(), fx.gridSide(), "grid", "vgg-small", fx.inputSize())
                .withSizes(32, 64, 1, 64, 64, 32, 2).withDropout(0.1f).withSanExtras(64, true).withCellKernel(3);
    }
}
