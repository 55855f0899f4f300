package dev.vlsuite.shared.metrics.meteor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringTokenizer;
import java.util.regex.Pattern;

/**
 * METEOR 1.5's English "-norm" normalizer (a Moses-style tokenizer with METEOR's own additions:
 * quote and dash normalisation, dashes between words split, dots dropped from mixed abbreviations),
 * punctuation kept, followed by lower-casing. Every rule runs in METEOR's order, because later
 * rules see the spaces earlier ones insert.
 */
final class MeteorNormalizer {

    // Letters METEOR treats as alphabetic: Latin-1/Latin Extended-A and Cyrillic ranges
    private static final String ALPHA = "A-Za-z\u0160\u017d\u0161\u017e\u0178\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017e"
            + "\u0400-\u04ff\u0500-\u0527\ua640-\ua66e\ua67e-\ua697\u1d00-\u1d7f";
    private static final String ALNUM = "0-9" + ALPHA;

    private static final Pattern SEPARATE_OTHER = Pattern.compile("([^" + ALNUM + "\\s\\.\\'\\`\\,\\-\\u2018\\u2019])");
    private static final Pattern MULTI_DOT = Pattern.compile("\\.([\\.]+)");
    private static final Pattern MULTI_DOT_ESCAPED = Pattern.compile("DOTMULTI\\.([^\\.])");
    private static final Pattern COMMA_NON_DIGITS = Pattern.compile("([^\\p{Digit}])[,]([^\\p{Digit}])");
    private static final Pattern COMMA_DIGIT_LEFT = Pattern.compile("([\\p{Digit}])[,]([^\\p{Digit}])");
    private static final Pattern COMMA_DIGIT_RIGHT = Pattern.compile("([^\\p{Digit}])[,]([\\p{Digit}])");
    private static final Pattern SINGLE_QUOTES = Pattern.compile("([`\\u2018\\u2019])");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("([\\u201c\\u201d]|'')");
    private static final Pattern DASH_BETWEEN_WORDS = Pattern.compile("([" + ALNUM + "\\.])[\\-]([" + ALNUM + "])");
    private static final Pattern APOS_NEITHER = Pattern.compile("([^" + ALPHA + "])[']([^" + ALPHA + "])");
    private static final Pattern APOS_BEFORE_LETTER = Pattern.compile("([^" + ALPHA + "\\p{Digit}])[']([" + ALPHA + "])");
    private static final Pattern APOS_AFTER_LETTER = Pattern.compile("([" + ALPHA + "])[']([^" + ALPHA + "])");
    private static final Pattern APOS_INSIDE_WORD = Pattern.compile("([" + ALPHA + "])[']([" + ALPHA + "])");
    private static final Pattern APOS_DECADE = Pattern.compile("([\\p{Digit}])[']([s])");
    private static final Pattern HAS_LETTER = Pattern.compile("[" + ALPHA + "]");
    private static final Pattern STARTS_LOWER = Pattern.compile("^[\\p{Lower}]");
    private static final Pattern STARTS_DIGITS = Pattern.compile("^[0-9]+");
    // ASCII space, no-break space, the U+2000 block spaces, narrow/medium math spaces, ideographic space
    private static final Pattern WHITESPACE = Pattern.compile(
            "[ \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]+");

    private static final int NONBREAKING_ANY = 1;
    private static final int NONBREAKING_NUMERIC_ONLY = 2;
    private static final Map<String, Integer> NONBREAKING = loadNonbreakingPrefixes();

    private MeteorNormalizer() {
    }

    /** Normalises one line as {@code meteor-1.5.jar -l en -norm} does, then lower-cases it. */
    static String normalize(String line) {
        if (isPlainAscii(line)) {
            // No rule below touches letters, digits and spaces: only spacing and case change
            return collapseSpaces(line).toLowerCase(Locale.ROOT);
        }
        String s = " " + line + " ";
        // Each rule runs only when its trigger character is present (a rule cannot match without it)
        if (needsSeparation(s)) {
            s = SEPARATE_OTHER.matcher(s).replaceAll(" $1 ");
        }

        // Protect runs of dots from the sentence-final dot rule below
        if (s.contains("..")) {
            s = MULTI_DOT.matcher(s).replaceAll(" DOTMULTI$1");
            while (s.contains("DOTMULTI.")) {
                s = MULTI_DOT_ESCAPED.matcher(s).replaceAll("DOTDOTMULTI $1");
                s = s.replace("DOTMULTI.", "DOTDOTMULTI");
            }
        }

        if (s.indexOf(',') >= 0) {
            s = COMMA_NON_DIGITS.matcher(s).replaceAll("$1 , $2");
            s = COMMA_DIGIT_LEFT.matcher(s).replaceAll("$1 , $2");
            s = COMMA_DIGIT_RIGHT.matcher(s).replaceAll("$1 , $2");
        }

        if (s.indexOf('`') >= 0 || s.indexOf('\u2018') >= 0 || s.indexOf('\u2019') >= 0) {
            s = SINGLE_QUOTES.matcher(s).replaceAll("'");
        }
        if (s.indexOf('\u201c') >= 0 || s.indexOf('\u201d') >= 0 || s.contains("''")) {
            s = DOUBLE_QUOTES.matcher(s).replaceAll(" \" ");
        }

        s = s.replace("\u2013", "-");
        s = s.replace("--", "-");
        if (s.indexOf('-') >= 0) {
            s = DASH_BETWEEN_WORDS.matcher(s).replaceAll("$1 $2");
        }

        // English splits contractions to the right
        if (s.indexOf('\'') >= 0) {
            s = APOS_NEITHER.matcher(s).replaceAll("$1 ' $2");
            s = APOS_BEFORE_LETTER.matcher(s).replaceAll("$1 ' $2");
            s = APOS_AFTER_LETTER.matcher(s).replaceAll("$1 ' $2");
            s = APOS_INSIDE_WORD.matcher(s).replaceAll("$1 '$2");
            s = APOS_DECADE.matcher(s).replaceAll("$1 '$2");
        }

        if (s.indexOf('.') >= 0) {
            s = splitFinalDots(s);
        }

        while (s.contains("DOTDOTMULTI")) {
            s = s.replace("DOTDOTMULTI", "DOTMULTI.");
        }
        s = s.replace("DOTMULTI", ".");
        s = WHITESPACE.matcher(s).replaceAll(" ").trim();
        return s.toLowerCase(Locale.ROOT);
    }

    // True unless every character is an ASCII letter/digit, whitespace or one of . ' ` , -
    private static boolean needsSeparation(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == ' ' || c == '.' || c == '\'' || c == '`' || c == ',' || c == '-';
            if (!kept) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPlainAscii(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!(c == ' ' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static String collapseSpaces(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        boolean pendingSpace = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // A trailing dot is split off unless the word is a mixed abbreviation (dots dropped: u.s. -> us),
    // a listed prefix, followed by a lower-case word, or a numeric-only prefix followed by a number.
    private static String splitFinalDots(String s) {
        StringTokenizer tokenizer = new StringTokenizer(s);
        String[] words = new String[tokenizer.countTokens()];
        for (int i = 0; i < words.length; i++) {
            words[i] = tokenizer.nextToken();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.length() > 1 && word.endsWith(".")) {
                String prefix = word.substring(0, word.length() - 1);
                Integer type = NONBREAKING.get(prefix);
                boolean hasNext = i < words.length - 1;
                if (prefix.contains(".") && HAS_LETTER.matcher(prefix).find()) {
                    out.append(word.replace(".", ""));
                } else if ((type != null && type == NONBREAKING_ANY)
                        || (hasNext && STARTS_LOWER.matcher(words[i + 1]).find())) {
                    out.append(word);
                } else if (type != null && type == NONBREAKING_NUMERIC_ONLY
                        && hasNext && STARTS_DIGITS.matcher(words[i + 1]).find()) {
                    out.append(word);
                } else {
                    out.append(prefix).append(" .");
                }
            } else {
                out.append(word);
            }
            out.append(' ');
        }
        return out.toString();
    }

    private static Map<String, Integer> loadNonbreakingPrefixes() {
        Map<String, Integer> prefixes = new HashMap<>();
        String name = "english.nonbreaking-prefixes";
        try (InputStream in = MeteorNormalizer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + MeteorNormalizer.class);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                StringTokenizer tok = new StringTokenizer(line);
                if (!tok.hasMoreTokens()) {
                    continue;
                }
                String prefix = tok.nextToken();
                if (prefix.startsWith("#")) {
                    continue;
                }
                boolean numericOnly = tok.hasMoreTokens() && tok.nextToken().equals("#NUMERIC_ONLY#");
                prefixes.put(prefix, numericOnly ? NONBREAKING_NUMERIC_ONLY : NONBREAKING_ANY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
        return Map.copyOf(prefixes);
    }
}
