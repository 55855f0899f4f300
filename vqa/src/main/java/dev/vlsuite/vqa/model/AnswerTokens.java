package dev.vlsuite.vqa.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.vlsuite.shared.text.Vocabulary;
import java.util.List;

/**
 * Answers as the generative decoder reads them: left-aligned {@code <start> w1 .. wn <end> <pad>..} rows (N, T+1)
 * int64 and their target lengths n + 1 (N) int64 (the discriminative encoder reads right-aligned rows instead).
 */
public final class AnswerTokens {
    private AnswerTokens() {}

    /** answers: word ids without start/end -> {tokens (N, T+1), lengths (N)}. */
    public static NDList of(List<int[]> answers, NDManager m) {
        int width = 0;
        for (int[] a : answers) width = Math.max(width, a.length + 2);
        long[] flat = new long[answers.size() * width];
        long[] lengths = new long[answers.size()];
        for (int i = 0; i < answers.size(); i++) {
            int[] a = answers.get(i);
            int at = i * width;
            flat[at] = Vocabulary.START_ID;
            for (int j = 0; j < a.length; j++) flat[at + 1 + j] = a[j];
            flat[at + 1 + a.length] = Vocabulary.END_ID;
            lengths[i] = a.length + 1;
        }
        return new NDList(m.create(flat, new Shape(answers.size(), width)), m.create(lengths, new Shape(answers.size())));
    }
}
