package dev.vlsuite.vqa.data;

import dev.vlsuite.shared.text.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The answer classes: the K most frequent training answers (VQA_LSTM_CNN counts each question's
 * {@code multiple_choice_answer}; ties by answer text), after the answer normalisation, held as a shared
 * {@link Vocabulary} (its four special ids are never predicted). Targets per question:
 * <ul>
 *   <li>soft (VQA v2 reimplementations): {@code s_a = min(1, #humans who answered a / 3)}, normalised to sum 1
 *       over the vocabulary's answers; a question none of whose human answers is in the vocabulary has none;</li>
 *   <li>most frequent answer: one-hot on {@code multiple_choice_answer}, none when it is not in the vocabulary.</li>
 * </ul>
 */
public final class AnswerVocabulary {
    /** The first id that is an answer (after the vocabulary's specials). */
    public static final int FIRST_ANSWER = Vocabulary.UNK_ID + 1;

    private AnswerVocabulary() {}

    public static Vocabulary build(List<VqaItem> training, int k, UnaryOperator<String> normalise) {
        Map<String, Integer> counts = new HashMap<>();
        for (VqaItem i : training) {
            if (i.annotation() != null) counts.merge(normalise.apply(i.annotation().multipleChoiceAnswer()), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.removeIf(e -> e.getKey().isEmpty() || e.getKey().startsWith("<"));
        sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey));
        List<String> words = new ArrayList<>();
        for (int i = 0; i < Math.min(k, sorted.size()); i++) words.add(sorted.get(i).getKey());
        return Vocabulary.of(words);
    }

    /**
     * The target distribution of one annotated question over {@code answers.size()} classes; null when it has none.
     *
     * @param soft VQA v2 soft scores, else the most frequent answer one-hot
     */
    public static float[] target(VqaItem.Annotation a, Vocabulary answers, boolean soft, UnaryOperator<String> normalise) {
        float[] t = new float[answers.size()];
        if (soft) {
            Map<Integer, Integer> humans = new HashMap<>();
            for (String h : a.answers()) {
                String n = normalise.apply(h);
                if (answers.contains(n) && answers.id(n) >= FIRST_ANSWER) humans.merge(answers.id(n), 1, Integer::sum);
            }
            float sum = 0;
            for (Map.Entry<Integer, Integer> e : humans.entrySet()) sum += t[e.getKey()] = Math.min(1f, e.getValue() / 3f);
            if (sum == 0) return null;
            for (int i = 0; i < t.length; i++) t[i] /= sum;
            return t;
        }
        String mc = normalise.apply(a.multipleChoiceAnswer());
        if (!answers.contains(mc) || answers.id(mc) < FIRST_ANSWER) return null;
        t[answers.id(mc)] = 1f;
        return t;
    }
}
