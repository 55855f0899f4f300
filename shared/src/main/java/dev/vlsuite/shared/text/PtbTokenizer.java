package dev.vlsuite.shared.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Penn Treebank tokenization as Stanford's PTBTokenizer (CoreNLP 3.4.1, default options with
 * PTB3 escaping) does it on image captions, which is what the MS-COCO caption evaluation runs
 * before every metric. Written by hand from the documented behaviours (see shared/METRICS.md)
 * because CoreNLP is GPL and a 3.4.1 jar plus a subprocess per evaluation is what vlsuite avoids.
 *
 * <p>It keeps case (the evaluation lower-cases), so brackets come out as {@code -LRB-} etc. Rules
 * that PTB applies to capitalised text (abbreviations, contractions) are matched ignoring case so
 * lower-cased input gives the same tokens. Thread-safe: no state between calls.
 */
public final class PtbTokenizer {
    /** The one no-break space PTB puts inside "3 1/2". */
    public static final char NO_BREAK_SPACE = '\u00A0';

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "messrs", "dr", "drs", "prof", "profs", "st", "ste", "jr", "sr", "vs", "etc",
            "inc", "ltd", "corp", "mt", "ft", "ave", "blvd", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
            "rev", "hon", "sen", "rep", "gov", "pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "approx", "dept", "fig", "figs");
    /** Words PTB splits in two although they have no apostrophe: cannot -> can not. */
    private static final Set<String> SPLIT_WORDS = Set.of("cannot", "gonna", "gotta", "wanna", "lemme", "gimme");
    /** Apostrophe-initial words PTB keeps whole ('em, 'til, 'cause, 'tis, 'twas). */
    private static final Set<String> APOSTROPHE_WORDS = Set.of("em", "til", "till", "cause", "tis", "twas");

    private static final Pattern URL = Pattern.compile("(?i)(?:(?:https?|ftp)://|www\\.)\\S+");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern FRACTION = Pattern.compile("\\p{Nd}{1,4}/\\p{Nd}{1,4}(?![\\p{L}\\p{N}])");
    /** URL/e-mail tails PTB leaves outside the token. */
    private static final String URL_TRAILING = ".,;:!?)]}'\"";

    /** Tokens of {@code text} in PTB form; an empty or blank text gives an empty list. */
    public List<String> tokenize(String text) {
        String s = prepare(text);
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                i++;
            } else if (isWordChar(c)) {
                int special = scanUrlOrEmail(s, i, out);
                i = special > i ? special : scanWord(s, i, out);
            } else {
                i = scanPunctuation(s, i, out);
            }
        }
        return out;
    }

    /**
     * Deletes what PTB cannot tokenize (characters outside the BMP such as emoji, format characters,
     * variation selectors), turns control characters into spaces and curly quotes into ASCII ones.
     */
    static String prepare(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp > 0xFFFF || Character.isSurrogate((char) cp)) {
                b.append(' '); // deleted; PTB's lexer ends the current token there
                continue;
            }
            char c = (char) cp;
            int type = Character.getType(c);
            if (type == Character.FORMAT || (c >= '\uFE00' && c <= '\uFE0F')) continue; // soft hyphen, ZWJ, BOM, VS16
            if (type == Character.CONTROL) b.append(isSpace(c) ? c : ' ');
            else if (c == '\u2018' || c == '\u2019' || c == '\u201B') b.append('\'');
            else if (c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u201F') b.append('"');
            else b.append(c);
        }
        return b.toString();
    }

    /** Unicode spaces and line separators of every kind (no-break space included). */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** Letters (any script), digits and combining marks make up words. */
    static boolean isWordChar(char c) {
        if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (Character.isLetterOrDigit(c)) return true;
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    private static boolean isDigit(char c) {
        return Character.isDigit(c);
    }

    private static boolean wordCharAt(String s, int i) {
        return i < s.length() && isWordChar(s.charAt(i));
    }

    /** URLs and e-mail addresses stay one token; returns the end, or {@code start} when neither. */
    private static int scanUrlOrEmail(String s, int start, List<String> out) {
        int end = start;
        boolean candidate = s.regionMatches(true, start, "www.", 0, 4);
        while (end < s.length() && !isSpace(s.charAt(end))) {
            char c = s.charAt(end++);
            candidate |= c == '@' || c == ':';
        }
        if (!candidate) return start; // the common case: no regex at all
        String run = s.substring(start, end);
        Matcher m = URL.matcher(run);
        int len = m.lookingAt() ? m.end() : 0;
        if (len == 0) {
            m = EMAIL.matcher(run);
            if (m.lookingAt()) len = m.end();
        }
        while (len > 0 && URL_TRAILING.indexOf(run.charAt(len - 1)) >= 0) len--;
        if (len == 0 || run.substring(0, len).indexOf('.') < 0) return start;
        out.add(run.substring(0, len));
        return start + len;
    }

    /**
     * A word or number starting at {@code start}: letters/digits joined by single hyphens or slashes
     * (e-mail, 3-year-old, and/or, 1/2), digits joined by . , : (3.5, 1,000, 10:30), acronyms and
     * known abbreviations with their periods, and the PTB apostrophe rules.
     */
    private static int scanWord(String s, int start, List<String> out) {
        int n = s.length();
        int j = start;
        while (true) {
            while (j < n && isWordChar(s.charAt(j))) j++;
            if (j >= n) break;
            char ch = s.charAt(j);
            char prev = s.charAt(j - 1);
            if ((ch == '-' || ch == '/') && wordCharAt(s, j + 1)) {
                j++;
            } else if ((ch == '.' || ch == ',' || ch == ':') && isDigit(prev) && j + 1 < n && isDigit(s.charAt(j + 1))) {
                j++;
            } else if (ch == '.') {
                j = abbreviationEnd(s, start, j);
                break;
            } else if (ch == '\'') {
                int r = apostropheInWord(s, start, j, out);
                if (r >= 0) return r;
                if (continuesAcrossApostrophe(s, start, j)) {
                    j++;
                    continue;
                }
                break;
            } else {
                break;
            }
        }
        String word = s.substring(start, j);
        String lower = word.toLowerCase(Locale.ENGLISH);
        if (SPLIT_WORDS.contains(lower)) {
            out.add(word.substring(0, 3)); // can|not, gon|na, got|ta, wan|na, lem|me, gim|me
            out.add(word.substring(3));
            return j;
        }
        int fracEnd = fractionAfter(s, word, j);
        if (fracEnd > 0) {
            out.add(word + NO_BREAK_SPACE + s.substring(j + 1, fracEnd));
            return fracEnd;
        }
        out.add(word);
        return j;
    }

    /** "3 1/2": a 1-4 digit number, one space, a fraction -> one token with a no-break space. */
    private static int fractionAfter(String s, String word, int j) {
        if (word.isEmpty() || word.length() > 4 || j + 1 >= s.length()) return -1;
        char sep = s.charAt(j);
        if (sep != ' ' && sep != NO_BREAK_SPACE) return -1;
        for (int k = 0; k < word.length(); k++) if (!isDigit(word.charAt(k))) return -1;
        if (!isDigit(s.charAt(j + 1))) return -1;
        Matcher m = FRACTION.matcher(s).region(j + 1, s.length());
        m.useTransparentBounds(true);
        return m.lookingAt() ? m.end() : -1;
    }

    /**
     * At a period after the word s[start, dot): returns where the token ends. Acronyms (u.s.a.,
     * e.g., a.m.), single letters (a.) and known abbreviations (mr.) keep their period; any other
     * word ends before it, so a sentence-final period becomes its own token.
     */
    private static int abbreviationEnd(String s, int start, int dot) {
        int n = s.length();
        if (dot - start == 1 && Character.isLetter(s.charAt(start))) {
            int k = dot; // s[k] is a '.' that follows a single letter
            while (k + 1 < n && Character.isLetter(s.charAt(k + 1)) && !wordCharAt(s, k + 2)) {
                if (k + 2 < n && s.charAt(k + 2) == '.') k += 2; // another "x."
                else return k + 2; // "a.m" without the final period
            }
            return k + 1;
        }
        String word = s.substring(start, dot).toLowerCase(Locale.ENGLISH);
        if (ABBREVIATIONS.contains(word) && !wordCharAt(s, dot + 1)) return dot + 1;
        return dot;
    }

    /**
     * Splits n't and the clitics 's 'm 'd 'll 're 've off the word s[start, apo); returns the end of
     * what it consumed, or -1 when the apostrophe is not one of those.
     */
    private static int apostropheInWord(String s, int start, int apo, List<String> out) {
        int n = s.length();
        char a = apo + 1 < n ? Character.toLowerCase(s.charAt(apo + 1)) : 0;
        if (a == 't' && apo - start >= 2 && Character.toLowerCase(s.charAt(apo - 1)) == 'n' && !wordCharAt(s, apo + 2)) {
            out.add(s.substring(start, apo - 1));
            out.add(s.substring(apo - 1, apo + 2));
            return apo + 2;
        }
        int len = cliticLength(s, apo);
        if (len > 0) {
            out.add(s.substring(start, apo));
            out.add(s.substring(apo, apo + len));
            return apo + len;
        }
        return -1;
    }

    /** Length of 's 'm 'd 'll 're 've at {@code apo} when a non-letter follows, else 0. */
    private static int cliticLength(String s, int apo) {
        int n = s.length();
        if (apo + 1 >= n) return 0;
        char a = Character.toLowerCase(s.charAt(apo + 1));
        if ((a == 's' || a == 'm' || a == 'd') && !wordCharAt(s, apo + 2)) return 2;
        if (apo + 2 < n && !wordCharAt(s, apo + 3)) {
            String two = ("" + a + Character.toLowerCase(s.charAt(apo + 2)));
            if (two.equals("ll") || two.equals("re") || two.equals("ve")) return 3;
        }
        return 0;
    }

    /** o'clock, o'neil (one letter other than i/y, then 2+ letters) and ma'am (vowel ' vowel) stay whole. */
    private static boolean continuesAcrossApostrophe(String s, int start, int apo) {
        int n = s.length();
        if (apo + 1 >= n || !Character.isLetter(s.charAt(apo + 1))) return false;
        char first = Character.toLowerCase(s.charAt(start));
        if (apo - start == 1 && Character.isLetter(first) && first != 'i' && first != 'y'
                && apo + 2 < n && Character.isLetter(s.charAt(apo + 2))) return true;
        return isVowel(s.charAt(apo - 1), true) && isVowel(s.charAt(apo + 1), false) && Character.isLetter(s.charAt(apo - 1));
    }

    private static boolean isVowel(char c, boolean withY) {
        char l = Character.toLowerCase(c);
        return l == 'a' || l == 'e' || l == 'i' || l == 'o' || l == 'u' || (withY && l == 'y');
    }

    /** One punctuation or symbol token starting at {@code i}; returns the next position. */
    private static int scanPunctuation(String s, int i, List<String> out) {
        int n = s.length();
        char c = s.charAt(i);
        switch (c) {
            case '(' -> out.add("-LRB-");
            case ')' -> out.add("-RRB-");
            case '[' -> out.add("-LSB-");
            case ']' -> out.add("-RSB-");
            case '{' -> out.add("-LCB-");
            case '}' -> out.add("-RCB-");
            case '"' -> out.add(opensQuote(s, i) ? "``" : "''");
            case '\u00AB' -> out.add("``");
            case '\u00BB' -> out.add("''");
            case '\u2039' -> out.add("`");
            case '\u203A' -> out.add("'");
            case '\u2013', '\u2014', '\u2015' -> out.add("--");
            case '\u2026' -> out.add("...");
            case '\u00A3' -> out.add("#");
            case '\u00A2' -> out.add("cents");
            case '\'' -> {
                return apostropheToken(s, i, out);
            }
            case '`' -> {
                if (i + 1 < n && s.charAt(i + 1) == '`') {
                    out.add("``");
                    return i + 2;
                }
                out.add("`");
            }
            case '-', '.', '?', '!' -> {
                int j = i + 1;
                if (c == '?' || c == '!') while (j < n && (s.charAt(j) == '?' || s.charAt(j) == '!')) j++;
                else while (j < n && s.charAt(j) == c) j++;
                String run = s.substring(i, j);
                if (c == '-') out.add(run.length() == 1 ? "-" : "--");
                else if (c == '.') out.add(run.length() == 1 ? "." : "...");
                else out.add(run);
                return j;
            }
            default -> {
                String fraction = vulgarFraction(c);
                if (fraction != null) out.add(fraction);
                else if (Character.getType(c) == Character.CURRENCY_SYMBOL) out.add("$"); // $ € ¥ ... -> $
                else out.add(String.valueOf(c));
            }
        }
        return i + 1;
    }

    /** A double quote opens when it starts the text or follows a space or an opening bracket. */
    private static boolean opensQuote(String s, int i) {
        if (i == 0) return true;
        char p = s.charAt(i - 1);
        return isSpace(p) || p == '(' || p == '[' || p == '{' || p == '<' || p == '\u2014' || p == '\u2013';
    }

    /** An apostrophe outside a word: '90s, 'em, a standalone 's, doubled '' or a single quote. */
    private static int apostropheToken(String s, int i, List<String> out) {
        int n = s.length();
        if (i + 1 < n && s.charAt(i + 1) == '\'') {
            out.add("''");
            return i + 2;
        }
        int j = i + 1;
        while (j < n && isWordChar(s.charAt(j))) j++;
        String word = s.substring(i + 1, j);
        String lower = word.toLowerCase(Locale.ENGLISH);
        boolean decade = word.length() == 3 && word.charAt(0) >= '2' && word.charAt(0) <= '9' && word.charAt(1) == '0' && lower.charAt(2) == 's';
        boolean standaloneClitic = cliticLength(s, i) == 1 + word.length() && opensQuote(s, i);
        if (decade || APOSTROPHE_WORDS.contains(lower) || standaloneClitic) {
            out.add(s.substring(i, j));
            return j;
        }
        out.add(opensQuote(s, i) ? "`" : "'");
        return i + 1;
    }

    private static String vulgarFraction(char c) {
        return switch (c) {
            case '\u00BC' -> "1/4";
            case '\u00BD' -> "1/2";
            case '\u00BE' -> "3/4";
            case '\u2153' -> "1/3";
            case '\u2154' -> "2/3";
            case '\u2155' -> "1/5";
            case '\u2156' -> "2/5";
            case '\u2157' -> "3/5";
            case '\u2158' -> "4/5";
            case '\u2159' -> "1/6";
            case '\u215A' -> "5/6";
            case '\u215B' -> "1/8";
            case '\u215C' -> "3/8";
            case '\u215D' -> "5/8";
            case '\u215E' -> "7/8";
            default -> null;
        };
    }
}
