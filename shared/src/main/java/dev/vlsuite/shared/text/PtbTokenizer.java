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
 * before every metric. Written by hand, not from CoreNLP (GPL, and a subprocess per evaluation is what
 * vlsuite avoids): its behaviours were measured on the toolkit's own jar (bench/ptb_char_classes.py for
 * the characters, bench/adversarial_captions.py + bench/compare_with_toolkit.py for whole captions).
 *
 * <p>Give it the caption as written: like the toolkit's lexer, some rules depend on case (AT&amp;T, the
 * abbreviations), and the toolkit lower-cases tokens afterwards. Brackets come out as {@code -LRB-} etc.
 * Thread-safe: no state between calls.
 */
public final class PtbTokenizer {
    /** The one no-break space PTB puts inside "3 1/2". */
    public static final char NO_BREAK_SPACE = '\u00A0';

    /**
     * Words that keep a following period, case as written (the toolkit's lexer is case-sensitive here:
     * "Mass." keeps it, "mass." does not). Measured on CoreNLP 3.4.1 by tokenizing "a W. b" for every
     * 2-4 letter word W in three casings, plus the longer ones found (single letters always keep it).
     */
    private static final Set<String> ABBREVIATIONS = Set.of((""
            + "al Al AL Az AZ cf Cf CF co Co CO ct Ct CT dr Dr DR ft Ft FT ga Ga GA jr Jr JR ky Ky KY La LA lt Lt "
            + "LT md Md MD mo Mo MO mr Mr MR ms Ms MS mt Mt MT Pa PA ph Ph PH rd Rd RD rt Rt RT sq Sq SQ sr Sr SR "
            + "st St ST va Va VA vs Vs VS vt Vt VT wm Wm WM adj Adj ADJ adm Adm ADM adv Adv ADV ala Ala ALA apr Apr "
            + "APR Ark ARK aug Aug AUG ave Ave AVE bhd Bhd BHD cie Cie CIE col Col COL cos Cos COS cpl Cpl CPL dak "
            + "Dak DAK dec Dec DEC Del DEL det Det DET drs Drs DRS ens Ens ENS esq Esq ESQ est Est EST etc Etc ETC "
            + "ext Ext EXT feb Feb FEB fla Fla FLA fri Fri FRI gen Gen GEN gov Gov GOV hon Hon HON Ill ILL inc Inc "
            + "INC ind Ind IND jan Jan JAN jos Jos JOS jul Jul JUL jun Jun JUN kan Kan KAN ltd Ltd LTD maj Maj MAJ "
            + "mar Mar MAR mfg Mfg mme Mme MME mon Mon MON mrs Mrs MRS mtg Mtg neb Neb NEB nev Nev NEV nov Nov NOV "
            + "oct Oct OCT Ore ORE pfc Pfc PFC plc Plc PLC pte Pte pty Pty pvt Pvt PVT rep Rep REP rev Rev REV sen "
            + "Sen SEN sep Sep SEP seq Seq SEQ sfc Sfc SFC sgt Sgt SGT spc Spc SPC ste Ste STE sys Sys SYS tel Tel "
            + "TEL Tex TEX thu Thu THU tue Tue TUE wed Wed WED wis Wis WIS wyo Wyo WYO alex Alex ALEX ariz Ariz "
            + "ARIZ assn Assn ASSN asst Asst ASST atty Atty ATTY bldg Bldg BLDG blvd Blvd BLVD brig Brig BRIG bros "
            + "Bros BROS capt Capt CAPT cmdr Cmdr CMDR colo Colo COLO conn Conn CONN corp Corp CORP dept Dept DEPT "
            + "elec Elec ELEC govs Govs GOVS insp Insp INSP intl Intl INTL invt Invt INVT kans Kans KANS Mass MASS "
            + "mich Mich MICH minn Minn MINN Miss MISS mlle Mlle MLLE mont Mont MONT msgr Msgr MSGR natl Natl NATL "
            + "okla Okla OKLA penn Penn PENN ppte Ppte ppty Ppty pres Pres PRES prof Prof PROF ptes Ptes ptys Ptys "
            + "reps Reps REPS sens Sens SENS sept Sept SEPT supt Supt SUPT tenn Tenn TENN tues Tues TUES univ Univ "
            + "UNIV Wash WASH wisc Wisc WISC Calif calif CALIF Messrs messrs MESSRS "
            ).trim().split(" "));
    /** Words that keep their period before a number: "No. 6", "fig. 5". */
    private static final Set<String> BEFORE_NUMBERS = Set.of("no", "nos", "fig", "figs", "pp", "art");
    /** Words PTB splits in two although they have no apostrophe: cannot -> can not. */
    private static final Set<String> SPLIT_WORDS = Set.of("cannot", "gonna", "gotta", "wanna", "lemme", "gimme");
    /** Apostrophe-initial words PTB keeps whole ('em, 'til, 'cause); 'tis and 'twas become 't + is/was. */
    private static final List<String> APOSTROPHE_WORDS = List.of("cause", "till", "til", "em");

    private static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");
    private static final Pattern EMAIL = Pattern.compile("(?i)(?:[\\p{L}\\p{N}]*mailto:)?[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern FRACTION = Pattern.compile("\\p{Nd}{1,4}/\\p{Nd}{1,4}(?!\\p{N})");
    /**
     * An SGML/XML-like tag kept whole, as the toolkit's lexer keeps {@code <unk>}, {@code </s>}, {@code <br />},
     * {@code <a href="x">}, {@code <!-- c -->}: an ASCII letter (or !/? and a letter or '-') after '<' or '</',
     * then names separated by one space, each with an optional quoted value, or '/'. Spaces inside come out as
     * no-break spaces, like the fraction "3 1/2".
     */
    private static final Pattern TAG = Pattern.compile(
            "</?(?:[A-Za-z]|[!?][A-Za-z-])[^\\s<>\"'=]*(?: (?:[A-Za-z0-9_:.!?-]+(?:=(?:\"[^\"<>]*\"|'[^'<>]*'))?|/))* ?/?>");
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
            if (isSep(c)) {
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
     * Every separator becomes one ' ': whitespace, control characters, characters outside the BMP (emoji)
     * and the characters the toolkit's lexer deletes (they end the current token there). Curly single and
     * double quotes become ASCII ones; a soft hyphen disappears inside a word and is a '-' elsewhere.
     */
    static String prepare(String text) {
        StringBuilder b = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                b.append(c < 0x20 || c == 0x7F ? ' ' : c);
                continue;
            }
            if (Character.isSurrogate(c)) {
                b.append(' ');
                continue;
            }
            byte k = PtbCharClasses.of(c);
            if (c == NO_BREAK_SPACE) b.append(c); // a separator, except inside a URL with a scheme
            else if (k == PtbCharClasses.DELETED || k == PtbCharClasses.UNMEASURED) b.append(' ');
            else if (k == PtbCharClasses.HYPHEN) { // kept only between word characters
                boolean inWord = i > 0 && i + 1 < n && isWordChar(text.charAt(i - 1)) && isWordChar(text.charAt(i + 1));
                b.append(inWord ? c : ' ');
            }
            else if (c == '\u2019' || c == '\u0092') b.append('\''); // U+2018 stays: always an opening quote
            else if (c == '\u201C' || c == '\u201D') b.append('"');
            else if (c == '\u00AD') {
                boolean inWord = i > 0 && i + 1 < n && isWordChar(text.charAt(i - 1)) && isWordChar(text.charAt(i + 1));
                if (!inWord) b.append('-');
            } else b.append(c);
        }
        return b.toString();
    }

    /** The separators of the prepared text: a space, or a no-break space (kept for URLs). */
    private static boolean isSep(char c) {
        return c == ' ' || c == NO_BREAK_SPACE;
    }

    /** Unicode spaces and line separators of every kind (no-break space included). */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** Letters, digits and marks as the toolkit's lexer knows them. */
    static boolean isWordChar(char c) {
        if (c < 0x80) return PtbCharClasses.isAsciiAlnum(c);
        return PtbCharClasses.of(c) == PtbCharClasses.WORD;
    }

    private static boolean isDigit(char c) {
        return c < 0x80 ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    private static boolean isUpperAscii(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean asciiLetterAt(String s, int i) {
        char c = at(s, i);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean wordCharAt(String s, int i) {
        return i < s.length() && isWordChar(s.charAt(i));
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    /** URLs and e-mail addresses stay one token; returns the end, or {@code start} when neither. */
    private static int scanUrlOrEmail(String s, int start, List<String> out) {
        int end = start;
        boolean candidate = s.regionMatches(true, start, "www.", 0, 4);
        while (end < s.length() && s.charAt(end) != ' ') {
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
        boolean scheme = run.regionMatches(true, 0, "http", 0, 4);
        int nbsp = run.indexOf(NO_BREAK_SPACE);
        if (!scheme && nbsp >= 0 && nbsp < len) { // only a URL with a scheme runs on across a no-break space
            len = nbsp;
            while (len > 0 && URL_TRAILING.indexOf(run.charAt(len - 1)) >= 0) len--;
        }
        if (len == 0 || run.substring(0, len).indexOf('.') < 0) return start;
        int slash = run.indexOf('/');
        if (run.regionMatches(true, 0, "www.", 0, 4) && slash > 0 && slash < len && urlPathEnd(run, slash + 1) - (slash + 1) < 2) {
            len = slash; // www.x.com/p: a one-character path stays apart
        }
        out.add(run.substring(0, len));
        return start + len;
    }

    /**
     * A word or number starting at {@code start}: letters/digits joined by single hyphens, slashes or
     * underscores (e-mail, 3-year-old, and/or, a_b), by '.' before a letter (example.com, x.y.z) or by '@',
     * '!', '?' between word characters (as the toolkit does); a number's digits joined by . , : (3.5, 1,000,
     * 10:30) end before letters (3.5x -> 3.5 x); capitals around & or + (AT&T, R&D); c++, c#, f#; known
     * abbreviations keep their period, and the PTB apostrophe rules.
     */
    private static int scanWord(String s, int start, List<String> out) {
        int n = s.length();
        int j = start;
        boolean number = true;        // [start, j) is digits only, or digits joined by . , :
        boolean numberSep = false;    // ... and has such a separator
        boolean capitalsJoin = false; // AT&T: only capitals may follow
        while (j < n) {
            char ch = s.charAt(j);
            if (isWordChar(ch)) {
                if (numberSep && !isDigit(ch)) break;
                if (capitalsJoin && !isUpperAscii(ch)) break;
                if (!isDigit(ch)) number = false;
                j++;
                continue;
            }
            char next = at(s, j + 1);
            boolean nextWord = isWordChar(next);
            if (ch == '/' && !numberSep && s.lastIndexOf('.', j) >= start) { // example.com/a?b=c: the path joins when 2+ long
                int end = urlPathEnd(s, j + 1);
                if (end - (j + 1) >= 2) {
                    j = end;
                    break;
                }
                break;
            }
            if ((ch == '-' || ch == '/' || ch == '_' || ch == '@' || PtbCharClasses.of(ch) == PtbCharClasses.HYPHEN) && nextWord
                    && !numberSep && !capitalsJoin) {
                number = false;
                j++;
            } else if ((ch == '.' || ch == ',' || ch == ':') && number && isDigit(next)) {
                numberSep = true;
                j++;
            } else if ((ch == '!' || ch == '?') && nextWord && !numberSep) {
                number = false;
                j++;
            } else if (ch == '.' && Character.isLetter(next) && !numberSep) {
                number = false;
                j++;
            } else if (ch == '.') {
                j = periodEnd(s, start, j, numberSep);
                break;
            } else if ((ch == '&' || ch == '+') && isUpperAscii(next) && allUpperAscii(s, start, j)) {
                capitalsJoin = true;
                j++;
            } else if (ch == '\'' && !numberSep) {
                int r = apostropheInWord(s, start, j, out);
                if (r >= 0) return r;
                if (continuesAcrossApostrophe(s, start, j)) {
                    number = false;
                    j++;
                    continue;
                }
                break;
            } else {
                break;
            }
        }
        if (j - start == 1 && j < n) { // c++ c# f#
            char w = Character.toLowerCase(s.charAt(start));
            if (w == 'c' && s.startsWith("++", j)) j += 2;
            else if ((w == 'c' || w == 'f') && s.charAt(j) == '#') j += 1;
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

    /** The end of a URL path from {@code from}: letters, digits and URL punctuation, less a trailing period etc. */
    private static int urlPathEnd(String s, int from) {
        int k = from;
        while (k < s.length() && (isWordChar(s.charAt(k)) || "/?=&_%~+#.-:".indexOf(s.charAt(k)) >= 0)) k++;
        while (k > from && URL_TRAILING.indexOf(s.charAt(k - 1)) >= 0) k--;
        return k;
    }

    private static boolean allUpperAscii(String s, int from, int to) {
        for (int k = from; k < to; k++) if (!isUpperAscii(s.charAt(k))) return false;
        return to > from;
    }

    /** "3 1/2": a 1-4 digit number, one space, a fraction -> one token with a no-break space. */
    private static int fractionAfter(String s, String word, int j) {
        if (word.isEmpty() || word.length() > 4 || j + 1 >= s.length()) return -1;
        if (!isSep(s.charAt(j))) return -1;
        for (int k = 0; k < word.length(); k++) if (!isDigit(word.charAt(k))) return -1;
        if (!isDigit(s.charAt(j + 1))) return -1;
        Matcher m = FRACTION.matcher(s).region(j + 1, s.length());
        m.useTransparentBounds(true);
        return m.lookingAt() ? m.end() : -1;
    }

    /**
     * At a period after the word s[start, dot) that no letter follows: returns where the token ends. A word
     * with periods inside (u.s.a., e.g., x.y) keeps it, and so do single letters and the known abbreviations
     * (Mr., Calif.); a number or any other word ends before it, so a sentence-final period is its own token.
     */
    private static int periodEnd(String s, int start, int dot, boolean number) {
        if (number || (wordCharAt(s, dot + 1) && !isDigit(s.charAt(dot + 1)))) return dot; // Sgt.2 keeps it
        int afterSpace = isSep(at(s, dot + 1)) ? dot + 2 : dot + 1;
        if (isDigit(at(s, afterSpace)) && BEFORE_NUMBERS.contains(s.substring(start, dot).toLowerCase(Locale.ENGLISH))) {
            return dot + 1; // "No. 6", "fig. 5"
        }
        String word = s.substring(start, dot);
        if (word.indexOf('.') >= 0) return singleLetterSegments(word) || word.equalsIgnoreCase("ph.d") ? dot + 1 : dot;
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) { // "a." keeps it, but not before a tag: "A. <unk>"
            return isSep(at(s, dot + 1)) && at(s, dot + 2) == '<' && TAG.matcher(s).region(dot + 2, s.length()).lookingAt() ? dot : dot + 1;
        }
        return ABBREVIATIONS.contains(word) ? dot + 1 : dot;
    }

    /** u.s.a, e.g, x.y: every part between periods is one letter. */
    private static boolean singleLetterSegments(String word) {
        for (int k = 0; k < word.length(); k += 2) {
            if (!Character.isLetter(word.charAt(k)) || (k + 1 < word.length() && word.charAt(k + 1) != '.')) return false;
        }
        return true;
    }

    /**
     * Splits n't and the clitics 's 'm 'd 'll 're 've off the word s[start, apo), 'n' out of rock'n'roll,
     * y' off y'all; returns the end of what it consumed, or -1 when the apostrophe is none of those.
     */
    private static int apostropheInWord(String s, int start, int apo, List<String> out) {
        int n = s.length();
        char a = apo + 1 < n ? Character.toLowerCase(s.charAt(apo + 1)) : 0;
        if (a == 't' && apo - start >= 2 && Character.toLowerCase(s.charAt(apo - 1)) == 'n') {
            int end = apo + 2;
            while (asciiLetterAt(s, end)) end++; // don'tcha -> do n'tcha
            out.add(s.substring(start, apo - 1));
            out.add(s.substring(apo - 1, end));
            return end;
        }
        int len = cliticLength(s, apo);
        if (len > 0) {
            out.add(s.substring(start, apo));
            out.add(s.substring(apo, apo + len));
            return apo + len;
        }
        if (a == 'n' && at(s, apo + 2) == '\'') { // rock'n'roll -> rock 'n' roll
            out.add(s.substring(start, apo));
            out.add(s.substring(apo, apo + 3));
            return apo + 3;
        }
        if (apo - start == 1 && Character.toLowerCase(s.charAt(start)) == 'y' && Character.isLetter(a)) { // y'all
            out.add(s.substring(start, apo + 1));
            return apo + 1;
        }
        return -1;
    }

    /** Length of 's 'm 'd 'll 're 've at {@code apo} when no ASCII letter follows (the lexer's test), else 0. */
    private static int cliticLength(String s, int apo) {
        int n = s.length();
        if (apo + 1 >= n) return 0;
        char a = Character.toLowerCase(s.charAt(apo + 1));
        if ((a == 's' || a == 'm' || a == 'd') && !asciiLetterAt(s, apo + 2)) return 2;
        if (apo + 2 < n && !asciiLetterAt(s, apo + 3)) {
            String two = ("" + a + Character.toLowerCase(s.charAt(apo + 2)));
            if (two.equals("ll") || two.equals("re") || two.equals("ve")) return 3;
        }
        return 0;
    }

    /** o'clock, o'neil (one letter other than i/y, then 2+ letters) and ma'am (vowel ' vowel) stay whole. */
    private static boolean continuesAcrossApostrophe(String s, int start, int apo) {
        int n = s.length();
        if (apo + 1 >= n || !Character.isLetter(s.charAt(apo + 1))) return false;
        if (s.regionMatches(true, apo + 1, "til", 0, 3) || s.regionMatches(true, apo + 1, "tis", 0, 3)
                || s.regionMatches(true, apo + 1, "twas", 0, 4)) return false; // a'til -> a 'til
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
        char next = at(s, i + 1);
        switch (c) {
            case '(' -> out.add("-LRB-");
            case ')' -> out.add("-RRB-");
            case '[' -> out.add("-LSB-");
            case ']' -> out.add("-RSB-");
            case '{' -> out.add("-LCB-");
            case '}' -> out.add("-RCB-");
            case '"' -> out.add(opensQuote(s, i) ? "``" : "''");
            case '\u00AB', '\u0093' -> out.add("``");
            case '\u00BB', '\u0094' -> out.add("''");
            case '\u2039', '\u201B', '\u0091', '\u2018' -> out.add("`");
            case '\u203A' -> out.add("'");
            case '\u2013', '\u2014', '\u2015', '\u0096', '\u0097' -> out.add("--");
            case '\u2026' -> out.add("...");
            case '\u00A3' -> out.add("#");
            case '\u00A2' -> out.add("cents");
            case '\u20AC', '\u20A0', '\u00A4', '\u0080' -> out.add("$"); // the currencies the lexer knows; others are symbols
            case '\u00BC' -> out.add("1/4");
            case '\u00BD' -> out.add("1/2");
            case '\u00BE' -> out.add("3/4");
            case '\u2153' -> out.add("1/3");
            case '\u2154' -> out.add("2/3");
            case '\'' -> {
                return apostropheToken(s, i, out);
            }
            case '`' -> {
                if (next == '`') {
                    out.add("``");
                    return i + 2;
                }
                out.add("`");
            }
            case '<' -> {
                Matcher m = TAG.matcher(s).region(i, n);
                if (m.lookingAt()) {
                    out.add(s.substring(i, m.end()).replace(' ', NO_BREAK_SPACE));
                    return m.end();
                }
                return run(s, i, "<<", out);
            }
            case '>' -> {
                return run(s, i, ">>", out);
            }
            case '&' -> {
                return entity(s, i, out);
            }
            case ':', ';', '=', ',' -> {
                int num = signedNumberEnd(s, i);
                if (num > i) { // ",000" and ":30" after a word that is not a number (road1,000)
                    out.add(s.substring(i, num));
                    return num;
                }
                if (c == ',') {
                    out.add(",");
                    return i + 1;
                }
                return emoticon(s, i, out);
            }
            case '_' -> {
                int j = i + 1;
                while (j < n && s.charAt(j) == '_') j++;
                out.add(s.substring(i, j)); // _ __ ___
                return j;
            }
            case '#' -> {
                int j = i + 1;
                if (next == '#') {
                    while (j < n && s.charAt(j) == '#') j++;
                } else {
                    while (j < n && Character.isLetter(s.charAt(j)) && isWordChar(s.charAt(j))) j++; // #tag, not #1
                }
                out.add(s.substring(i, j));
                return j;
            }
            case '@' -> {
                int j = i + 1;
                if (Character.isLetter(next) && isWordChar(next)) {
                    while (j < n && (isWordChar(s.charAt(j)) || s.charAt(j) == '_')) j++; // @user_1
                }
                out.add(s.substring(i, j));
                return j;
            }
            case '^' -> {
                if (s.startsWith("^_^", i)) {
                    out.add("^_^");
                    return i + 3;
                }
                out.add("^");
            }
            case '-', '+', '.', '?', '!' -> {
                int num = signedNumberEnd(s, i);
                if (num > i) {
                    out.add(s.substring(i, num));
                    return num;
                }
                if (s.startsWith("-_-", i)) {
                    out.add("-_-");
                    return i + 3;
                }
                if (c == '+') {
                    out.add("+");
                    return i + 1;
                }
                int j = i + 1;
                if (c == '?' || c == '!') while (j < n && (s.charAt(j) == '?' || s.charAt(j) == '!')) j++;
                else while (j < n && s.charAt(j) == c) j++;
                String run = s.substring(i, j);
                if (c == '-') out.add(run.length() == 1 ? "-" : "--");
                else if (c == '.') out.add(run.length() == 1 ? "." : "...");
                else out.add(run);
                return j;
            }
            default -> out.add(String.valueOf(c)); // a symbol of its own (the prepared text has no deleted ones)
        }
        return i + 1;
    }

    /** A doubled {@code << >>} or the single character. */
    private static int run(String s, int i, String doubled, List<String> out) {
        if (s.startsWith(doubled, i)) {
            out.add(doubled);
            return i + 2;
        }
        out.add(s.substring(i, i + 1));
        return i + 1;
    }

    /** HTML entities the lexer reads: &amp; &lt; &gt; &quot; (any case); &nbsp; is a space. */
    private static int entity(String s, int i, List<String> out) {
        for (String[] e : new String[][] {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "''"}, {"&nbsp;", ""}}) {
            if (s.regionMatches(true, i, e[0], 0, e[0].length())) {
                if (!e[1].isEmpty()) out.add(e[1]);
                return i + e[0].length();
            }
        }
        int k = i + 1;
        if (at(s, k) == '#') {
            k++;
            while (isDigit(at(s, k))) k++;
            if (k > i + 2 && at(s, k) == ';') { // &#39; stays one token
                out.add(s.substring(i, k + 1));
                return k + 1;
            }
        }
        out.add("&");
        return i + 1;
    }

    /** :) :-( ;) =) :'( as one token with the bracket escaped (:-RRB-), :D :P :p; else the character alone. */
    private static int emoticon(String s, int i, List<String> out) {
        int k = i + 1;
        if (at(s, k) == '-') k++;
        if (at(s, k) == '\'') k++;
        char b = at(s, k);
        if ((b == '(' || b == ')') && !wordCharAt(s, k + 1)) { // :)y is : ) y
            out.add(s.substring(i, k) + (b == '(' ? "-LRB-" : "-RRB-"));
            return k + 1;
        }
        b = at(s, i + 1);
        if (s.charAt(i) != '=' && (b == 'D' || b == 'P' || b == 'p') && !wordCharAt(s, i + 2)) {
            out.add(s.substring(i, i + 2));
            return i + 2;
        }
        out.add(s.substring(i, i + 1));
        return i + 1;
    }

    /** -5, +5, .5, -.5, -5.5 at {@code i} (digits joined by . , :); returns i when there is none. */
    private static int signedNumberEnd(String s, int i) {
        int n = s.length();
        int k = i;
        char c = s.charAt(k);
        if (c == '?' || c == '!') return i;
        if (c == ';' || c == '=') return i;
        if (c == ',' || c == ':') {
            k++; // the separator starts the number itself
        } else {
            if (c == '-' || c == '+') k++;
            if (at(s, k) == '.') k++;
        }
        if (k >= n || !isDigit(s.charAt(k))) return i;
        while (k < n && isDigit(s.charAt(k))) k++;
        while (k + 1 < n && (s.charAt(k) == '.' || s.charAt(k) == ',' || s.charAt(k) == ':') && isDigit(s.charAt(k + 1))) {
            k++;
            while (k < n && isDigit(s.charAt(k))) k++;
        }
        return k;
    }

    /** A double quote opens when it starts the text or follows a space or an opening bracket. */
    private static boolean opensQuote(String s, int i) {
        if (i == 0) return true;
        char p = s.charAt(i - 1);
        return isSep(p) || p == '(' || p == '[' || p == '{' || p == '<' || p == '\u2014' || p == '\u2013';
    }

    /**
     * An apostrophe outside a word: '90s, '10 (two digits, then a space or the end), 'em, 'n', 't of 'tis,
     * a standalone 's, doubled '' or a single quote.
     */
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
        boolean decade = word.length() >= 3 && word.charAt(0) >= '2' && word.charAt(0) <= '9' && word.charAt(1) == '0' && lower.charAt(2) == 's';
        boolean year = word.length() == 2 && isDigit(word.charAt(0)) && isDigit(word.charAt(1)) && (j == n || isSep(s.charAt(j)));
        int clitic = cliticLength(s, i);
        boolean standaloneClitic = clitic > 0 && (clitic == 1 + word.length() || !opensQuote(s, i)); // 's, x.'s, 's2
        if (lower.equals("n")) { // rock 'n' roll, rock 'n roll
            int end = at(s, j) == '\'' ? j + 1 : j;
            out.add(s.substring(i, end));
            return end;
        }
        if (lower.startsWith("tis") || lower.startsWith("twas")) { // 'tis -> 't is, 'tisn't -> 't is n't
            out.add(s.substring(i, i + 2));
            return i + 2;
        }
        for (String w : APOSTROPHE_WORDS) { // a prefix is enough: 'causeend -> 'cause end
            if (lower.startsWith(w)) {
                out.add(s.substring(i, i + 1 + w.length()));
                return i + 1 + w.length();
            }
        }
        if (decade && word.length() > 3) { // '90sNev -> '90s Nev
            out.add(s.substring(i, i + 4));
            return i + 4;
        }
        if (standaloneClitic) {
            out.add(s.substring(i, i + clitic));
            return i + clitic;
        }
        if (decade || year) {
            out.add(s.substring(i, j));
            return j;
        }
        out.add(opensQuote(s, i) ? "`" : "'");
        return i + 1;
    }
}
