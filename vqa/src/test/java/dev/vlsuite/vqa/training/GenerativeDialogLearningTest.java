package dev.vlsuite.vqa.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.vlsuite.assets.dataset.DialogWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.shared.metrics.retrieval.DialogScores;
import dev.vlsuite.shared.metrics.retrieval.OptionRanks;
import dev.vlsuite.shared.metrics.retrieval.VisDialData;
import dev.vlsuite.shared.metrics.retrieval.VisDialFiles;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.vqa.data.DialogSet;
import dev.vlsuite.vqa.model.LateFusionConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generative decoder learns: a tiny seeded LF-QIH with the answer language model, trained by teacher forcing on
 * synthetic dialogs, ranks the 100 options of held-out rounds by length-normalised log-likelihood with the true
 * answer far above chance (chance: mean rank 50.5, MRR ~0.05). An untrained model of the same shape is the control.
 */
class GenerativeDialogLearningTest {
    @Test
    void likelihoodRanksTheTrueAnswerFarAboveChance(@TempDir Path dir) throws Exception {
        var scenes = SyntheticWorld.generate(31, 150, 64, new WorldOptions(2, 2, true));
        DialogWriter.write(dir, scenes, new Splits(0.8, 0.2, 0.0), () -> { });
        VisDialData trainData = VisDialFiles.readDialogs(dir.resolve(DialogWriter.dialogsFile("train")));
        Vocabulary vocab = DialogTraining.vocabulary(trainData, 1);
        try (FeatureCache cache = SyntheticVqa.cache(dir.resolve("features")); NDManager m = NDManager.newBaseManager(Device.cpu())) {
            var fx = cache.extractor();
            LateFusionConfig config = LateFusionConfig.defaults(vocab.size(), fx.channels(), true, "vgg-small", "pooled", fx.inputSize())
                    .withSizes(32, 64, 1).withDropout(0.1f).withDecoder(LateFusionConfig.GEN);
            DialogSet train = DialogSet.read(dir.resolve(DialogWriter.dialogsFile("train")), null, dir, vocab, 20, 20, 24,
                    l -> { throw new AssertionError(l); });
            DialogSet val = DialogSet.read(dir.resolve(DialogWriter.dialogsFile("val")), null, dir, vocab, 20, 20, 24,
                    l -> { throw new AssertionError(l); });
            DialogTraining t = DialogTraining.prepare(config, vocab, train, val, cache, 32, l -> { throw new AssertionError(l); });
            var untrained = t.train(TrainConfig.defaults().withEpochs(1).withMaxSteps(1).withLr(1e-9, null).withSeed(5), dir.resolve("run0"), false, m);
            double[] before = rankStats(DialogScorer.score(t.net(), new ParameterStore(m, false), val, DialogTraining.vectors(cache, config, m), 256, m), val);
            var r = t.train(TrainConfig.defaults().withEpochs(8).withLr(3e-3, null).withSeed(5).withLogEvery(50), dir.resolve("run"), false, m);
            double[] after = rankStats(DialogScorer.score(t.net(), new ParameterStore(m, false), val, DialogTraining.vectors(cache, config, m), 256, m), val);
            System.err.printf("gen decoder on held-out rounds: untrained (%d step) mean rank %.1f MRR %.3f; trained (%d steps, loss %.3f) mean rank %.1f MRR %.3f R@1 %.3f%n",
                    untrained.steps(), before[0], before[1], r.steps(), r.lastLoss(), after[0], after[1], after[2]);
            assertTrue(after[0] < 15, "true answer's mean rank far better than chance (50.5): " + after[0]);
            // measured (seed 31/5, loaded machine): untrained mean rank 51.2, MRR 0.041; trained 9.0, 0.286 (R@1 0.133:
            // the generator's equivalent wordings, "red" / "it is red", compete for the top)
            assertTrue(after[1] > 0.2, "MRR far above chance (~0.05): " + after[1]);
            assertTrue(after[1] > before[1] + 0.15, "training, not the option set, makes the ranking: " + before[1] + " -> " + after[1]);
        }
    }

    /** {mean rank, MRR, R@1} of the true option over every held-out round. */
    static double[] rankStats(List<DialogScores> scores, DialogSet val) {
        double rank = 0, rr = 0, r1 = 0;
        int n = 0;
        for (int d = 0; d < scores.size(); d++) {
            var dialog = val.data().dialogs().get(d);
            for (int i = 0; i < dialog.numRounds(); i++) {
                int k = OptionRanks.ranks(scores.get(d).scores()[i])[dialog.rounds().get(i).gtIndex()];
                rank += k;
                rr += 1.0 / k;
                r1 += k == 1 ? 1 : 0;
                n++;
            }
        }
        return new double[] {rank / n, rr / n, r1 / n};
    }
}
