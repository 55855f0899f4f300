package dev.vlsuite.shared.nn.decode;

import ai.djl.ndarray.NDList;
import dev.vlsuite.shared.text.Detokenizer;
import dev.vlsuite.shared.text.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one "decode a batch to text" routine of every generating task (captions at run, eval, validation and
 * fine-tuning; video captions; dialog answers): greedy for beam 1, else batched beam search ranking plain
 * log-probability sums (length penalty 0, as arctic-captions and the PyTorch tutorial rank beams); the best
 * hypothesis per row, its words up to &lt;end&gt; joined by {@link Detokenizer}.
 */
public final class TextDecoding {
    /**
     * One decoded row.
     *
     * @param words     the generated words, without the end token
     * @param text      the words as a sentence (Detokenizer)
     * @param logProb   log-probability of the whole sequence, the end token included
     * @param attention one attention map per word (not for &lt;end&gt;); null when the model gives none
     */
    public record Text(List<String> words, String text, double logProb, float[][] attention) {}

    private TextDecoding() {}

    /**
     * Decodes every row of {@code inputs} (what {@code model.start} takes).
     *
     * @param beam      beam width; 1 is greedy
     * @param maxLength most tokens per row, the end token included
     */
    public static List<Text> decode(StepModel<?> model, NDList inputs, Vocabulary vocabulary, int beam, int maxLength) {
        DecodeOptions options = new DecodeOptions(Vocabulary.START_ID, Vocabulary.END_ID, maxLength);
        List<List<Hypothesis>> found = search(model, inputs, options, beam);
        List<Text> out = new ArrayList<>(found.size());
        for (List<Hypothesis> row : found) out.add(text(row.get(0), vocabulary));
        return out;
    }

    /** A hypothesis as words and text. */
    public static Text text(Hypothesis h, Vocabulary vocabulary) {
        int[] ids = h.contentTokens();
        List<String> words = new ArrayList<>(ids.length);
        for (int id : ids) words.add(vocabulary.word(id));
        float[][] attention = h.attention() == null ? null : Arrays.copyOf(h.attention(), ids.length);
        return new Text(List.copyOf(words), Detokenizer.detokenize(words), h.logProb(), attention);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<List<Hypothesis>> search(StepModel model, NDList inputs, DecodeOptions options, int beam) {
        if (beam < 1) throw new IllegalArgumentException("beam must be >= 1, got " + beam);
        return beam == 1 ? Decoding.greedy(model, inputs, options) : Decoding.beam(model, inputs, options, beam, 0f);
    }
}
