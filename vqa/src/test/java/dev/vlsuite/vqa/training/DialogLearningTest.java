package dev.vlsuite.vqa.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.vlsuite.assets.dataset.DialogWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.language.DialogGenerator;
import dev.vlsuite.assets.language.DialogRound;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.shared.metrics.retrieval.DialogScores;
import dev.vlsuite.shared.metrics.retrieval.OptionRanks;
import dev.vlsuite.shared.metrics.retrieval.VisDialData;
import dev.vlsuite.shared.metrics.retrieval.VisDialFiles;
import dev.vlsuite.shared.metrics.retrieval.VisDialRound;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.vqa.data.DialogSet;
import dev.vlsuite.vqa.data.QuestionIds;
import dev.vlsuite.vqa.model.LateFusionConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Late fusion learns to use the dialog history: tiny seeded LF-QIH and LF-QI (history zeroed) trained on the same
 * synthetic dialogs (two shapes per scene, so "it" is ambiguous without the history); on held-out dialogs, on the rounds that refer back ("is it blue", "and the other
 * one", "where is it"), LF-QIH puts a right answer first more often than LF-QI, and both beat chance overall.
 */
class DialogLearningTest {
    static final int TRAIN_SCENES = 200;
    static final int VAL_SCENES = 50;
    // the most recent history tokens (about two rounds): a tiny model learns the referent quickly from them
    static final int HISTORY = 24;

    @Test
    void historyAnswersTheRoundsThatReferBack(@TempDir Path dir) throws Exception {
        var scenes = SyntheticWorld.generate(31, TRAIN_SCENES + VAL_SCENES, 64, new WorldOptions(2, 2, true));
        DialogWriter.write(dir, scenes, new Splits(0.8, 0.2, 0.0), () -> { });
        VisDialData trainData = VisDialFiles.readDialogs(dir.resolve(DialogWriter.dialogsFile("train")));
        Vocabulary vocab = DialogTraining.vocabulary(trainData, 1);
        Map<Long, List<DialogRound>> truth = new HashMap<>();
        for (var s : scenes) truth.put((long) s.id(), DialogGenerator.dialog(s));
        double[] qih = run(dir, vocab, true, truth);
        double[] qi = run(dir, vocab, false, truth);
        System.err.printf("LF-QIH: refer-back right %.3f (R@1 %.3f), all right %.3f, MRR %.3f; LF-QI: refer-back right %.3f (R@1 %.3f), all right %.3f, MRR %.3f%n",
                qih[0], qih[3], qih[1], qih[2], qi[0], qi[3], qi[1], qi[2]);
        assertTrue(qih[2] > 0.33 && qi[2] > 0.25, "both models far above chance MRR (~0.05 for 100 options)");
        // measured (seed 31/5, images standardised): right 0.512 vs 0.422, R@1 0.197 vs 0.183, all right 0.476 vs 0.452
        // (before the standardisation: 0.353 vs 0.260, the image was ignored). R@1 asks for the exact wording, which the
        // generator draws at random among "red" / "it is red" / "it's red": the right answer in any wording is the
        // measure that can show the history's effect (the R@1 gap, 0.014, is within the wording lottery: printed, not asserted).
        assertTrue(qih[0] > qi[0] + 0.06, "history must answer the rounds that refer back: LF-QIH " + qih[0] + " vs LF-QI " + qi[0]);
        assertTrue(qih[0] > 0.45, "LF-QIH answers about half the referring rounds right: " + qih[0]);
    }

    /**
     * On the held-out dialogs: {refer-back rounds answered right (the top option is the answer or one of its
     * wordings: "red", "it is red"), all rounds answered right, MRR, refer-back R@1 (the exact wording)}.
     */
    static double[] run(Path dir, Vocabulary vocab, boolean history, Map<Long, List<DialogRound>> truth) throws Exception {
        return run(dir, vocab, history, truth, 0, HISTORY, 15, 64, false);
    }

    /**
     * {@link #run} with lf-att ({@code attention > 0}: its size), the history tokens kept, epochs, LSTM size and a
     * blind baseline (every image zeroed); the result has a fifth entry: the colour questions ("what color is the
     * star") answered right.
     */
    static double[] run(Path dir, Vocabulary vocab, boolean history, Map<Long, List<DialogRound>> truth, int attention,
                        int historyTokens, int epochs, int hidden, boolean blind) throws Exception {
        try (FeatureCache cache = SyntheticVqa.cache(dir.resolve("features")); NDManager m = NDManager.newBaseManager(Device.cpu())) {
            var fx = cache.extractor();
            LateFusionConfig config = LateFusionConfig.defaults(vocab.size(), fx.channels(), history, "vgg-small",
                            attention > 0 ? "grid" : "pooled", fx.inputSize())
                    .withSizes(32, hidden, 1).withDropout(0.1f).withAttention(attention).withMaxHistory(historyTokens);
            DialogSet train = DialogSet.read(dir.resolve(DialogWriter.dialogsFile("train")), null, dir, vocab, 20, 20, historyTokens,
                    l -> { throw new AssertionError(l); });
            DialogSet val = DialogSet.read(dir.resolve(DialogWriter.dialogsFile("val")), dir.resolve("visdial_1.0_val_dense_annotations.json"),
                    dir, vocab, 20, 20, historyTokens, l -> { throw new AssertionError(l); });
            DialogTraining t = DialogTraining.prepare(config, vocab, train, val, cache, 32, l -> { throw new AssertionError(l); });
            if (blind) t.blind();
            t.train(TrainConfig.defaults().withEpochs(epochs).withLr(3e-3, null).withSeed(5).withLogEvery(50),
                    dir.resolve("run-" + history + "-" + attention + "-" + System.nanoTime()), false, m);
            List<DialogScores> scores = DialogScorer.score(t.net(), new ParameterStore(m, false), val,
                    t.imageVectors(m), 256, m);
            int refer = 0, referRight = 0, referR1 = 0, all = 0, allRight = 0, colour = 0, colourRight = 0;
            double rr = 0;
            for (int d = 0; d < scores.size(); d++) {
                var dialog = val.data().dialogs().get(d);
                for (int r = 0; r < dialog.numRounds(); r++) {
                    VisDialRound round = dialog.rounds().get(r);
                    int[] ranks = OptionRanks.ranks(scores.get(d).scores()[r]);
                    int rank = ranks[round.gtIndex()];
                    int top = 0;
                    while (ranks[top] != 1) top++;
                    DialogRound generated = truth.get(dialog.imageId()).get(r);
                    String said = val.data().answers().get(round.answerOptions()[top]);
                    boolean right = said.equals(generated.answer()) || generated.equivalents().contains(said);
                    all++;
                    allRight += right ? 1 : 0;
                    rr += 1.0 / rank;
                    if (val.data().questions().get(round.question()).startsWith("what color is the")) {
                        colour++;
                        colourRight += right ? 1 : 0;
                    }
                    if (refersBack(val.data().questions().get(round.question()))) {
                        refer++;
                        referRight += right ? 1 : 0;
                        referR1 += rank == 1 ? 1 : 0;
                    }
                }
            }
            return new double[] {referRight / (double) refer, allRight / (double) all, rr / all, referR1 / (double) refer,
                    colourRight / (double) Math.max(1, colour)};
        }
    }

    // the generator's referring rounds: "... it ..." and "and the other one"
    static boolean refersBack(String question) {
        List<String> w = QuestionIds.words(question);
        return w.contains("it") || String.join(" ", w).startsWith("and the other");
    }
}
