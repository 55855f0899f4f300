package dev.vlsuite.vqa.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.vqa.data.AnswerVocabulary;
import dev.vlsuite.vqa.data.QuestionIds;
import dev.vlsuite.vqa.model.VqaNet;
import java.util.ArrayList;
import java.util.List;

/** Questions + image features -> answers: one forward pass, softmax over the answer classes, top-k (specials never). */
public final class AnswerDecoding {
    private AnswerDecoding() {}

    /**
     * @param image (B, L, D) features, one row per question (the same image repeated for several questions)
     */
    public static List<Answer> answer(VqaNet net, ParameterStore ps, Vocabulary questionVocab, Vocabulary answers,
                                      List<String> questions, NDArray image, int topK) {
        NDManager m = image.getManager();
        List<int[]> ids = new ArrayList<>();
        for (String q : questions) ids.add(QuestionIds.encode(q, questionVocab, net.config().maxQuestionLength()));
        int[] width = new int[1];
        long[] rows = QuestionIds.rightAligned(ids, width);
        try (NDManager scope = m.newSubManager()) {
            NDArray q = scope.create(rows, new Shape(questions.size(), width[0]));                 // (B, T)
            VqaNet.Output out = net.answer(ps, q, image, false);
            float[] probs = out.logits().softmax(1).toFloatArray();                                 // (B, A)
            List<float[]> alphas = new ArrayList<>();
            for (NDArray a : out.attention()) alphas.add(a.toFloatArray());                          // (B, L) each
            int a = answers.size();
            int l = net.config().locations();
            List<Answer> result = new ArrayList<>(questions.size());
            for (int b = 0; b < questions.size(); b++) {
                List<Answer.Candidate> top = top(probs, b * a, a, answers, Math.max(1, topK));
                List<float[]> att = new ArrayList<>();
                for (float[] hop : alphas) {
                    float[] one = new float[l];
                    System.arraycopy(hop, b * l, one, 0, l);
                    att.add(one);
                }
                result.add(new Answer(questions.get(b), top.get(0).answer(), top.get(0).probability(), top, att,
                        att.isEmpty() ? 0 : net.config().gridSide()));
            }
            return result;
        }
    }

    private static List<Answer.Candidate> top(float[] probs, int offset, int a, Vocabulary answers, int k) {
        List<Answer.Candidate> out = new ArrayList<>();
        boolean[] taken = new boolean[a];
        for (int n = 0; n < Math.min(k, a - AnswerVocabulary.FIRST_ANSWER); n++) {
            int best = -1;
            for (int i = AnswerVocabulary.FIRST_ANSWER; i < a; i++) {
                if (!taken[i] && (best < 0 || probs[offset + i] > probs[offset + best])) best = i;
            }
            taken[best] = true;
            out.add(new Answer.Candidate(answers.word(best), probs[offset + best]));
        }
        return out;
    }
}
