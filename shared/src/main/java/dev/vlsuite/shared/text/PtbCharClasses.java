package dev.vlsuite.shared.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * How the toolkit's tokenizer (CoreNLP 3.4.1's PTBLexer) treats each character from U+0080 to U+FFFF,
 * measured on the real jar by bench/ptb_char_classes.py (resource ptb-chars.txt). Its idea of a letter
 * follows an older Unicode than Java 17's and it deletes many symbols outright, so Java's
 * Character classes cannot stand in for it.
 */
final class PtbCharClasses {
    /** Deleted; inside a word it separates (zero-width space, most spaces, unassigned, private use). */
    static final byte DELETED = 'D';
    /** Deleted alone, kept inside a word like '-' (U+2010, U+2011, U+058A). */
    static final byte HYPHEN = 'H';
    /** Part of words: letters, digits, marks. */
    static final byte WORD = 'W';
    /** A token of its own. */
    static final byte SYMBOL = 'S';
    /** Rewritten by PtbTokenizer's rules (quotes, dashes, some currencies, fractions). */
    static final byte MAPPED = 'M';
    /** Not measured (surrogates, line breaks): read as a space. */
    static final byte UNMEASURED = 'X';

    private static final byte[] CLASS = load();

    private PtbCharClasses() {}

    /** The class of {@code c}; ASCII (below U+0080) is for the caller's rules and reads as WORD/SYMBOL. */
    static byte of(char c) {
        if (c < 0x80) return isAsciiAlnum(c) ? WORD : SYMBOL;
        return CLASS[c - 0x80];
    }

    static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static byte[] load() {
        byte[] table = new byte[0x10000 - 0x80];
        java.util.Arrays.fill(table, UNMEASURED);
        try (InputStream in = PtbCharClasses.class.getResourceAsStream("ptb-chars.txt")) {
            if (in == null) throw new IllegalStateException("resource dev/vlsuite/shared/text/ptb-chars.txt is missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.charAt(0) == '#') continue;
                int first = Integer.parseInt(line.substring(0, 4), 16);
                int last = Integer.parseInt(line.substring(5, 9), 16);
                java.util.Arrays.fill(table, first - 0x80, last - 0x80 + 1, (byte) line.charAt(10));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
