package dev.vlsuite.vqa.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.metrics.retrieval.DialogScores;
import dev.vlsuite.shared.metrics.retrieval.VisDialDialog;
import dev.vlsuite.vqa.data.DialogRoundSample;
import dev.vlsuite.vqa.data.DialogSet;
import dev.vlsuite.vqa.model.AnswerTokens;
import dev.vlsuite.vqa.model.LateFusionNet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Scores every round of a dialog set with a late-fusion model (disc: dot products; gen: length-normalised log-likelihoods) (val layout: a row per round). */
public final class DialogScorer {
    private DialogScorer() {}

    /** Scores in dialog order, rows for the dialog's rounds (1..numRounds), larger is better. */
    public static List<DialogScores> score(LateFusionNet net, ParameterStore ps, DialogSet set, Function<Path, float[]> imageVector,
                                           int batchRounds, NDManager manager) {
        return score(net, ps, set, imageVector, batchRounds, manager, net.config().generative());
    }

    /** {@link #score} with the head chosen: {@code generative} ranks by the answer language model (the model must have it). */
    public static List<DialogScores> score(LateFusionNet net, ParameterStore ps, DialogSet set, Function<Path, float[]> imageVector,
                                           int batchRounds, NDManager manager, boolean generative) {
        if (generative ? !net.config().hasGen() : !net.config().hasDisc()) {
            throw new IllegalArgumentException("the model has no " + (generative ? "gen" : "disc") + " decoder (it has " + net.config().decoder() + ")");
        }
        List<DialogRoundSample> all = new ArrayList<>();
        for (List<DialogRoundSample> d : set.dialogs()) all.addAll(d);
        float[][] rows = new float[all.size()][];
        // gen scores B x K option sequences per batch: fewer rounds at once
        if (generative) batchRounds = Math.max(1, batchRounds / 32);
        for (int from = 0; from < all.size(); from += batchRounds) {
            List<DialogRoundSample> batch = all.subList(from, Math.min(all.size(), from + batchRounds));
            try (NDManager scope = manager.newSubManager()) {
                DialogInputs in = DialogInputs.of(batch, set.answers(), imageVector, scope);
                NDArray enc = net.encode(ps, in.image(), in.question(), in.history(), false);       // (B, H)
                NDArray s = generative ? likelihoods(net, ps, enc, batch, set.answers(), scope)
                        : LateFusionNet.scores(enc, net.encodeAnswers(ps, in.answers(), false), in.options()); // (B, K)
                int k = (int) s.getShape().get(1);
                float[] flat = s.toFloatArray();
                for (int i = 0; i < batch.size(); i++) {
                    rows[from + i] = new float[k];
                    System.arraycopy(flat, i * k, rows[from + i], 0, k);
                }
            }
        }
        List<DialogScores> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < set.dialogs().size(); i++) {
            VisDialDialog d = set.data().dialogs().get(i);
            float[][] mine = new float[set.dialogs().get(i).size()][];
            for (int r = 0; r < mine.length; r++) mine[r] = rows[at++];
            out.add(new DialogScores(d.imageId(), 0, mine));
        }
        return out;
    }

    /** The generative decoder's length-normalised log-likelihood of every option of every round: (B, K). */
    static NDArray likelihoods(LateFusionNet net, ParameterStore ps, NDArray enc, List<DialogRoundSample> batch, int[][] pool, NDManager scope) {
        int b = batch.size();
        int k = batch.get(0).options().length;
        List<int[]> answers = new ArrayList<>(b * k);
        for (DialogRoundSample r : batch) {
            for (int a : r.options()) answers.add(a >= 0 && a < pool.length ? pool[a] : new int[] {dev.vlsuite.shared.text.Vocabulary.UNK_ID});
        }
        var tokens = AnswerTokens.of(answers, scope);                                             // (B*K, T+1), (B*K)
        long h = enc.getShape().get(1);
        NDArray rows = enc.expandDims(1).broadcast(b, k, h).reshape(b * (long) k, h);             // (B*K, H)
        return net.logLikelihood(ps, rows, tokens.get(0), tokens.get(1)).reshape(b, k);          // (B, K)
    }
}
