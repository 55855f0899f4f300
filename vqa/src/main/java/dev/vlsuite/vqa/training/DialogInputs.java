package dev.vlsuite.vqa.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.vlsuite.vqa.data.DialogRoundSample;
import dev.vlsuite.vqa.data.QuestionIds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The arrays of a batch of dialog rounds. The options of all rounds are encoded once per distinct answer (VisDial
 * rounds share many options: "yes", "no", popular answers), and each round's options index those rows.
 *
 * @param image    (B, D) image vectors
 * @param question (B, Tq) right-aligned ids
 * @param history  (B, Th) right-aligned ids
 * @param answers  (P, Ta) right-aligned ids of the distinct answers
 * @param options  (B, K) int64 rows of {@code answers}
 * @param gt       (B) int64 ground-truth option (0 where withheld)
 */
public record DialogInputs(NDArray image, NDArray question, NDArray history, NDArray answers, NDArray options, NDArray gt) {

    /** @param imageVector the image vector (D) of an image file */
    public static DialogInputs of(List<DialogRoundSample> rounds, int[][] pool, Function<Path, float[]> imageVector, NDManager m) {
        int b = rounds.size();
        int k = rounds.get(0).options().length;
        float[] first = imageVector.apply(rounds.get(0).image());
        int d = first.length;
        float[] img = new float[b * d];
        Map<Path, float[]> seen = new HashMap<>();
        seen.put(rounds.get(0).image(), first);
        Map<Integer, Integer> local = new HashMap<>();
        List<int[]> distinct = new ArrayList<>();
        long[] options = new long[b * k];
        long[] gt = new long[b];
        List<int[]> questions = new ArrayList<>(b);
        List<int[]> histories = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            DialogRoundSample r = rounds.get(i);
            System.arraycopy(seen.computeIfAbsent(r.image(), imageVector), 0, img, i * d, d);
            questions.add(r.question());
            histories.add(r.history());
            if (r.options().length != k) throw new IllegalArgumentException("rounds with " + k + " and " + r.options().length + " options in one batch");
            for (int j = 0; j < k; j++) {
                int a = r.options()[j];
                int[] tokens = a >= 0 && a < pool.length ? pool[a] : new int[] {dev.vlsuite.shared.text.Vocabulary.UNK_ID};
                int key = a >= 0 && a < pool.length ? a : -1;
                Integer row = local.get(key);
                if (row == null) {
                    row = distinct.size();
                    local.put(key, row);
                    distinct.add(tokens);
                }
                options[i * k + j] = row;
            }
            gt[i] = Math.max(0, r.gtIndex());
        }
        return new DialogInputs(m.create(img, new Shape(b, d)), ids(questions, m), ids(histories, m), ids(distinct, m),
                m.create(options, new Shape(b, k)), m.create(gt, new Shape(b)));
    }

    private static NDArray ids(List<int[]> rows, NDManager m) {
        int[] width = new int[1];
        long[] flat = QuestionIds.rightAligned(rows, width);
        return m.create(flat, new Shape(rows.size(), width[0]));
    }
}
