package dev.vlsuite.shared.metrics.vqa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The answer normalisation of the official VQA evaluator (GT-Vision-Lab/VQA vqaEval.py, commit a013f00), to the
 * letter, quirks included (shared/ref/VQA-EVAL.md section 3): clean (newline/tab to space, Python strip), then
 * processPunctuation, then processDigitArticle. Whether normalisation applies at all is decided by the caller
 * ({@link VqaAccuracy}: not when all humans agree).
 */
public final class VqaAnswers {
    private VqaAnswers() {}

    /** The 21 characters processPunctuation deletes or spaces out; apostrophe, colon, '%' etc. survive. */
    static final String PUNCT = ";/[]\"{}()=+\\_-><@`,?!";

    /** Periods removed per string: the official code passes re.UNICODE (32) as the count argument of sub. */
    static final int MAX_PERIODS_REMOVED = 32;

    private static final Map<String, String> NUMBERS = Map.ofEntries(
            Map.entry("none", "0"), Map.entry("zero", "0"), Map.entry("one", "1"), Map.entry("two", "2"),
            Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"),
            Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"));

    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    /**
     * Clean then normalise one answer, as the evaluator does to the prediction and every human answer when the
     * humans do not all agree: {@code "The Two dogs!"} becomes {@code "2 dogs"}.
     */
    public static String normalize(String answer) {
        return processDigitArticle(processPunctuation(clean(answer)));
    }

    /** Step 1, applied always: newline and tab become spaces, then Python's str.strip(). */
    public static String clean(String answer) {
        return pythonStrip(answer.replace('\n', ' ').replace('\t', ' '));
    }

    /** processPunctuation: delete-or-space each listed character (decided on the input), then drop periods. */
    static String processPunctuation(String in) {
        // all three tests look at the ORIGINAL text, so the order of PUNCT does not matter:
        // p is deleted when "p " or " p" occurs in it, or when it has a digit-comma-digit anywhere
        boolean digitCommaDigit = hasDigitCommaDigit(in);
        boolean[] delete = new boolean[128];
        boolean any = false;
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c < 128 && PUNCT.indexOf(c) >= 0) {
                any = true;
                if (digitCommaDigit || (i > 0 && in.charAt(i - 1) == ' ') || (i + 1 < in.length() && in.charAt(i + 1) == ' ')) {
                    delete[c] = true;
                }
            }
        }
        if (!any) return in.indexOf('.') < 0 ? in : stripPeriods(in);
        StringBuilder out = new StringBuilder(in.length());
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c < 128 && PUNCT.indexOf(c) >= 0) {
                if (!delete[c]) out.append(' ');
            } else {
                out.append(c);
            }
        }
        return stripPeriods(out);
    }

    /**
     * periodStrip = {@code (?!<=\d)(\.)(?!\d)}: the "lookbehind" is a broken lookahead that never matches at a
     * period, so the rule is "a period not followed by an ASCII digit", and only the first 32 such go.
     */
    private static String stripPeriods(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        int removed = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && removed < MAX_PERIODS_REMOVED && !(i + 1 < s.length() && isAsciiDigit(s.charAt(i + 1)))) {
                removed++;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** processDigitArticle: lowercase, whitespace split, number words, drop articles, contractions, join. */
    static String processDigitArticle(String in) {
        List<String> words = new ArrayList<>();
        for (String w : pythonSplit(in.toLowerCase(Locale.ROOT))) {
            w = NUMBERS.getOrDefault(w, w);
            if (!ARTICLES.contains(w)) words.add(w);
        }
        for (int i = 0; i < words.size(); i++) {
            String c = VqaContractions.TABLE.get(words.get(i));
            if (c != null) words.set(i, c);
        }
        return String.join(" ", words);
    }

    // commaStrip = (\d)(\,)(\d), searched anywhere; Python 2 with a str pattern: \d is [0-9]
    private static boolean hasDigitCommaDigit(String s) {
        for (int i = 1; i + 1 < s.length(); i++) {
            if (s.charAt(i) == ',' && isAsciiDigit(s.charAt(i - 1)) && isAsciiDigit(s.charAt(i + 1))) return true;
        }
        return false;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Python's str.isspace(): what strip() and split() treat as whitespace (wider than Java's trim/strip). The set of
     * Python 3 (the parity reference); Python 2.7's Unicode 5.2 also counted U+180E, which no answer file is known to hold.
     */
    static boolean isPythonSpace(char c) {
        return (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
                || c == 0x3000;
    }

    static String pythonStrip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPythonSpace(s.charAt(start))) start++;
        while (end > start && isPythonSpace(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    static List<String> pythonSplit(String s) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && isPythonSpace(s.charAt(i))) i++;
            int start = i;
            while (i < s.length() && !isPythonSpace(s.charAt(i))) i++;
            if (i > start) words.add(s.substring(start, i));
        }
        return words;
    }
}
