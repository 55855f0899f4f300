package dev.vlsuite.shared.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tokenization step of the MS-COCO caption evaluation: PTB-tokenize, lower-case each token
 * (Locale.ENGLISH), drop the punctuation tokens the toolkit drops, join with single spaces. The captioning vocabulary
 * uses {@link #words} so that training and evaluation see the same tokens.
 *
 * <p>The drop list is compared after lower-casing, exactly like the toolkit's, so "-lrb-" and
 * "-rrb-" survive while "." "," "``" and friends go. Thread-safe.
 */
public final class CaptionTokenizer {
    /** pycocoevalcap's PUNCTUATIONS list, verbatim. */
    public static final Set<String> DROPPED_TOKENS = Set.of(
            "''", "'", "``", "`", "-LRB-", "-RRB-", "-LCB-", "-RCB-", ".", "?", "!", ",", ":", "-", "--", "...", ";");

    private final PtbTokenizer ptb = new PtbTokenizer();

    /** The caption as the evaluation scores it: tokens joined by ' ' ("" for an empty caption). */
    public String forEval(String caption) {
        return String.join(" ", tokens(caption));
    }

    /**
     * The words of {@link #forEval}: split on whitespace, as BLEU and CIDEr split (so "3 1/2", one PTB
     * token with a no-break space inside, gives two words).
     */
    public List<String> words(String caption) {
        List<String> out = new ArrayList<>();
        for (String t : tokens(caption)) {
            int nbsp = t.indexOf(PtbTokenizer.NO_BREAK_SPACE);
            if (nbsp < 0) {
                out.add(t);
            } else {
                for (String part : t.split("\u00A0")) if (!part.isEmpty()) out.add(part);
            }
        }
        return out;
    }

    private List<String> tokens(String caption) {
        List<String> raw = ptb.tokenize(caption); // as written: the toolkit lower-cases tokens, not the text
        List<String> kept = new ArrayList<>(raw.size());
        for (String t : raw) {
            String lower = t.toLowerCase(Locale.ENGLISH); // -LRB- -> -lrb-, as PTB's -lowerCase prints it
            if (!DROPPED_TOKENS.contains(lower)) kept.add(lower);
        }
        return kept;
    }
}
