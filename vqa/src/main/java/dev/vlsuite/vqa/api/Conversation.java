package dev.vlsuite.vqa.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.vlsuite.shared.nn.decode.DecodeOptions;
import dev.vlsuite.shared.nn.decode.Decoding;
import dev.vlsuite.shared.nn.decode.Hypothesis;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.vqa.data.QuestionIds;
import dev.vlsuite.vqa.model.AnswerStepModel;
import dev.vlsuite.vqa.model.AnswerTokens;
import dev.vlsuite.vqa.model.LateFusionConfig;
import dev.vlsuite.vqa.model.LateFusionNet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A conversation about one image: each question is answered with the image, the caption and every earlier
 * question and answer (the late-fusion history), and the answer joins the history.
 * <pre>{@code
 * Conversation c = dialog.conversation(Path.of("scene.png"), "a red circle and a blue star");
 * c.ask("what color is the circle").answer();     // "red"
 * c.ask("where is it").answer();                  // "on the left"
 * }</pre>
 */
public final class Conversation {
    /**
     * An answer and its score, larger is better: the dot product with the encoding (disc) or the mean log-probability
     * per word, end included (gen).
     */
    public record Reply(String answer, float score) {}

    private final VisualDialog model;
    private final float[] image;  // (D), or (L*D) for lf-att
    private final String caption;
    private final List<Integer> tokens = new ArrayList<>();
    private final List<String> turns = new ArrayList<>();

    Conversation(VisualDialog model, float[] image, String caption) {
        this.model = model;
        this.image = image;
        this.caption = caption == null ? "" : caption;
        for (String w : QuestionIds.words(this.caption)) tokens.add(model.vocabulary().id(w));
    }

    /**
     * Answers and remembers the round: a generative model writes its answer (beam search, width 5); a
     * discriminative one ranks the answers it saw in training.
     */
    public Reply ask(String question) {
        if (!model.generative()) return ask(question, model.answers());
        Reply free = generate(question, 5);
        remember(question, free.answer());
        return free;
    }

    /** The generative decoder's own answer (batched beam search), scored by its length-normalised log-likelihood. */
    public Reply generate(String question, int beamSize) {
        if (!model.config().hasGen()) throw new IllegalStateException("a discriminative dialog model only ranks candidates");
        try (NDManager scope = model.manager().newSubManager()) {
            NDArray enc = encode(question, scope);                                                           // (1, H)
            var options = new DecodeOptions(Vocabulary.START_ID, Vocabulary.END_ID, model.config().maxAnswer() + 1);
            List<Hypothesis> beams = Decoding.beam(new AnswerStepModel(model.net(), model.parameters()), new NDList(enc), options, beamSize, 0f)
                    .get(0);
            // an empty answer (<end> first) says nothing in a chat: the best beam with words, when there is one
            Hypothesis best = beams.stream().filter(b -> b.contentTokens().length > 0).findFirst().orElse(beams.get(0));
            int[] words = best.contentTokens();
            String answer = String.join(" ", model.vocabulary().decode(words));
            return new Reply(answer, (float) (best.logProb() / Math.max(1, best.tokens().length)));
        }
    }

    private NDArray encode(String question, NDManager scope) {
        return encodeWithAttention(question, scope).encoding();                                              // (1, H)
    }

    private LateFusionNet.Encoded encodeWithAttention(String question, NDManager scope) {
        LateFusionConfig c = model.config();
        NDArray img = scope.create(image, new Shape(1, image.length));                                       // (1, D) or (1, L*D)
        NDArray q = row(List.of(QuestionIds.encode(spelled(question), model.vocabulary(), c.maxQuestion())), scope); // (1, Tq)
        NDArray h = row(List.of(history(c.maxHistory())), scope);                                              // (1, Th)
        return model.net().encodeWithAttention(model.parameters(), img, q, h, false);                         // (1, H), (1, L)
    }

    /**
     * lf-att: where the model looks for this question (the history as it stands), one weight per grid location,
     * row-major (side x side), summing to 1; null for a model without attention.
     */
    public float[] attention(String question) {
        if (!model.config().attends()) return null;
        try (NDManager scope = model.manager().newSubManager()) {
            return encodeWithAttention(question, scope).alpha().toFloatArray();                              // (L)
        }
    }

    /** Answers with the best of {@code candidates}, and remembers the round. */
    public Reply ask(String question, List<String> candidates) {
        Reply best = rank(question, candidates).get(0);
        remember(question, best.answer());
        return best;
    }

    /** The candidates, best first, for a question in this conversation; the history is not changed. */
    public List<Reply> rank(String question, List<String> candidates) {
        if (candidates.isEmpty()) throw new IllegalArgumentException("no candidate answers to rank");
        LateFusionConfig c = model.config();
        Vocabulary v = model.vocabulary();
        LateFusionNet net = model.net();
        try (NDManager scope = model.manager().newSubManager()) {
            List<int[]> answers = new ArrayList<>();
            for (String a : candidates) answers.add(QuestionIds.encode(a, v, c.maxAnswer()));
            NDArray enc = encode(question, scope);                                                            // (1, H)
            float[] s;
            if (model.generative()) {
                // length-normalised log-likelihood of each candidate under the answer language model
                NDList tokens = AnswerTokens.of(answers, scope);                                               // (P, T+1), (P)
                NDArray rows = enc.broadcast(answers.size(), enc.getShape().get(1));                          // (P, H)
                s = net.logLikelihood(model.parameters(), rows, tokens.get(0), tokens.get(1)).toFloatArray(); // (P)
            } else {
                NDArray ans = net.encodeAnswers(model.parameters(), row(answers, scope), false);             // (P, H)
                s = enc.matMul(ans.transpose()).toFloatArray();                                               // (P)
            }
            List<Reply> out = new ArrayList<>();
            for (int i = 0; i < s.length; i++) out.add(new Reply(candidates.get(i), s[i]));
            out.sort(Comparator.comparingDouble((Reply r) -> r.score()).reversed());
            return out;
        }
    }

    /** Adds a round to the history (what {@link #ask} does with its answer). */
    public void remember(String question, String answer) {
        for (int id : QuestionIds.encode(spelled(question), model.vocabulary(), model.config().maxQuestion())) tokens.add(id);
        for (int id : QuestionIds.encode(answer, model.vocabulary(), model.config().maxAnswer())) tokens.add(id);
        turns.add(question + " " + answer);
    }

    /** The caption, then one line per round: "question answer". */
    public List<String> history() {
        List<String> h = new ArrayList<>();
        h.add(caption);
        h.addAll(turns);
        return h;
    }

    // people type "colour" where VisDial (and the synthetic dialogs) say "color": an unknown "-our" word becomes
    // its "-or" spelling when the vocabulary has that one
    private String spelled(String question) {
        StringBuilder b = new StringBuilder();
        for (String w : QuestionIds.words(question)) {
            String us = w.endsWith("our") ? w.substring(0, w.length() - 3) + "or" : w;
            b.append(b.length() == 0 ? "" : " ").append(!model.vocabulary().contains(w) && model.vocabulary().contains(us) ? us : w);
        }
        return b.toString();
    }

    private int[] history(int max) {
        if (tokens.isEmpty()) return new int[] {Vocabulary.UNK_ID};
        return tokens.subList(Math.max(0, tokens.size() - max), tokens.size()).stream().mapToInt(Integer::intValue).toArray();
    }

    private static NDArray row(List<int[]> rows, NDManager m) {
        int[] width = new int[1];
        long[] flat = QuestionIds.rightAligned(rows, width);
        return m.create(flat, new Shape(rows.size(), width[0]));
    }
}
