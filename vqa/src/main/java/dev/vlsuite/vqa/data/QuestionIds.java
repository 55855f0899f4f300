package dev.vlsuite.vqa.data;

import dev.vlsuite.shared.text.CaptionTokenizer;
import dev.vlsuite.shared.text.Vocabulary;
import java.util.List;

/**
 * Questions as word ids: the captioning tokenizer's words (PTB, lower case, punctuation dropped), the first
 * {@code maxLength} kept, right-aligned in rows of the batch's longest question with {@code <pad>} (0) first,
 * as VQA_LSTM_CNN's prepro aligns them, so the question LSTM's last step is every question's last word.
 */
public final class QuestionIds {
    private static final CaptionTokenizer TOKENIZER = new CaptionTokenizer();

    private QuestionIds() {}

    public static List<String> words(String question) {
        return TOKENIZER.words(question);
    }

    /** Ids of one question (unknown words: {@code <unk>}), at most maxLength, never empty (an empty one is {@code <unk>}). */
    public static int[] encode(String question, Vocabulary vocabulary, int maxLength) {
        List<String> w = words(question);
        if (w.isEmpty()) return new int[] {Vocabulary.UNK_ID};
        int n = Math.min(maxLength, w.size());
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) ids[i] = vocabulary.id(w.get(i));
        return ids;
    }

    /** A right-aligned (B, T) row-major matrix; {@code widthOut[0]} gets T. */
    public static long[] rightAligned(List<int[]> questions, int[] widthOut) {
        int t = 1;
        for (int[] q : questions) t = Math.max(t, q.length);
        long[] out = new long[questions.size() * t];
        for (int b = 0; b < questions.size(); b++) {
            int[] q = questions.get(b);
            for (int i = 0; i < q.length; i++) out[b * t + (t - q.length) + i] = q[i];
        }
        widthOut[0] = t;
        return out;
    }
}
