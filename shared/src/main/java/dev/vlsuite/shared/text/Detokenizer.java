package dev.vlsuite.shared.text;

import java.util.List;
import java.util.Set;

/**
 * Turns tokens back into a readable sentence: punctuation and clitics attach to the word before
 * ("dog ." -> "dog.", "it 's" -> "it's", "do n't" -> "don't"), opening brackets to the word after,
 * and the first letter can be capitalised. Special tokens ({@code <pad>} etc.) are dropped.
 */
public final class Detokenizer {
    /** Tokens written without a space before them. */
    private static final Set<String> ATTACH_LEFT = Set.of(
            ".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "...",
            "'s", "'re", "'ve", "'ll", "'d", "'m", "n't", "'", "''");
    /** Tokens written without a space after them. */
    private static final Set<String> ATTACH_RIGHT = Set.of("(", "[", "{", "$", "``");

    private Detokenizer() {}

    /** Joins tokens without capitalising. */
    public static String detokenize(List<String> tokens) {
        return detokenize(tokens, false);
    }

    public static String detokenize(List<String> tokens, boolean capitalizeFirst) {
        StringBuilder sb = new StringBuilder();
        boolean glueNext = true; // no space before the first token
        for (String raw : tokens) {
            if (raw == null || raw.isEmpty() || isSpecial(raw)) continue;
            String t = unescape(raw);
            if (!glueNext && !ATTACH_LEFT.contains(raw) && !ATTACH_LEFT.contains(t)) sb.append(' ');
            sb.append(t.equals("``") || t.equals("''") ? "\"" : t);
            glueNext = ATTACH_RIGHT.contains(raw) || ATTACH_RIGHT.contains(t);
        }
        if (capitalizeFirst) {
            for (int i = 0; i < sb.length(); i++) {
                char c = sb.charAt(i);
                if (Character.isLetter(c)) {
                    sb.setCharAt(i, Character.toUpperCase(c));
                    break;
                }
                if (Character.isDigit(c)) break;
            }
        }
        return sb.toString();
    }

    private static boolean isSpecial(String t) {
        return t.equals(Vocabulary.PAD) || t.equals(Vocabulary.START) || t.equals(Vocabulary.END);
    }

    /** PTB bracket escapes back to the characters they stand for. */
    private static String unescape(String t) {
        return switch (t) {
            case "-LRB-", "-lrb-" -> "(";
            case "-RRB-", "-rrb-" -> ")";
            case "-LSB-", "-lsb-" -> "[";
            case "-RSB-", "-rsb-" -> "]";
            case "-LCB-", "-lcb-" -> "{";
            case "-RCB-", "-rcb-" -> "}";
            default -> t;
        };
    }
}
