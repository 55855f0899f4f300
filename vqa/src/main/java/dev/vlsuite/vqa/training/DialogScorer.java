package dev.vlsuite.vqa.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.metrics.retrieval.DialogScores;
import dev.vlsuite.shared.metrics.retrieval.VisDialDialog;
import dev.vlsuite.vqa.data.DialogRoundSample;
import dev.vlsuite.vqa.data.DialogSet;
import dev.vlsuite.vqa.model.LateFusionNet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Scores every round of a dialog set with a discriminative late-fusion model (val layout: a row per round). */
public final class DialogScorer {
    private DialogScorer() {}

    /** Scores in dialog order, rows for the dialog's rounds (1..numRounds), larger is better. */
    public static List<DialogScores> score(LateFusionNet net, ParameterStore ps, DialogSet set, Function<Path, float[]> imageVector,
                                           int batchRounds, NDManager manager) {
        List<DialogRoundSample> all = new ArrayList<>();
        for (List<DialogRoundSample> d : set.dialogs()) all.addAll(d);
        float[][] rows = new float[all.size()][];
        for (int from = 0; from < all.size(); from += batchRounds) {
            List<DialogRoundSample> batch = all.subList(from, Math.min(all.size(), from + batchRounds));
            try (NDManager scope = manager.newSubManager()) {
                DialogInputs in = DialogInputs.of(batch, set.answers(), imageVector, scope);
                NDArray enc = net.encode(ps, in.image(), in.question(), in.history(), false);       // (B, H)
                NDArray ans = net.encodeAnswers(ps, in.answers(), false);                          // (P, H)
                NDArray s = LateFusionNet.scores(enc, ans, in.options());                          // (B, K)
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
}
