package dev.vlsuite.shared.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every PTB behaviour listed in shared/METRICS.md; tokens are shown joined by '|'. */
class PtbTokenizerTest {
    private final PtbTokenizer ptb = new PtbTokenizer();

    private String tok(String s) {
        return String.join("|", ptb.tokenize(s));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '=', value = {
            // contractions and possessives
            "I don't know = I|do|n't|know",
            "you can't = you|ca|n't",
            "it won't = it|wo|n't",
            "we cannot = we|can|not",
            "gonna go = gon|na|go",
            "the dog's ball = the|dog|'s|ball",
            "the dogs' ball = the|dogs|'|ball",
            "I'm here, we'll see, they're, we've, he'd = I|'m|here|,|we|'ll|see|,|they|'re|,|we|'ve|,|he|'d",
            "the dog’s ball = the|dog|'s|ball",
            "don’t = do|n't",
            "at 5 o'clock = at|5|o'clock",
            "yes ma'am = yes|ma'am",
            "music of the '90s = music|of|the|'90s",
            "in the 1990's = in|the|1990|'s",
            // brackets
            "a (red) [big] {old} cat = a|-LRB-|red|-RRB-|-LSB-|big|-RSB-|-LCB-|old|-RCB-|cat",
            // dashes, ellipsis
            "a dog—a cat = a|dog|--|a|cat",
            "a dog – a cat = a|dog|--|a|cat",
            "well -- ok = well|--|ok",
            "wait… what = wait|...|what",
            "wait... what = wait|...|what",
            // currency, percent, hash
            "$5 hat = $|5|hat",
            "€5 hat = $|5|hat",
            "£5 hat = #|5|hat",
            "50% off = 50|%|off",
            "#1 fan = #|1|fan",
            // kept whole
            "1,000 birds = 1,000|birds",
            "3.5 feet = 3.5|feet",
            "at 10:30 = at|10:30",
            "the 2nd floor = the|2nd|floor",
            "an e-mail = an|e-mail",
            "a 3-year-old boy = a|3-year-old|boy",
            "cats and/or dogs = cats|and/or|dogs",
            "see http://example.com/a?b&c. ok = see|http://example.com/a?b&c|.|ok",
            "visit www.example.org today = visit|www.example.org|today",
            "mail bob@example.com now = mail|bob@example.com|now",
            "in the u.s.a. today = in|the|u.s.a.|today",
            "mr. smith = mr.|smith",
            "e.g. a dog = e.g.|a|dog",
            "at 5 a.m. sharp = at|5|a.m.|sharp",
            // sentence-final period
            "a man with a racket. = a|man|with|a|racket|.",
            "a man. a dog = a|man|.|a|dog",
            "plan b. = plan|b.",
            "about 5. = about|5|.",
            // punctuation
            "what?! = what|?!",
            "yes, no; maybe: ok! = yes|,|no|;|maybe|:|ok|!",
    })
    void behaviours(String in, String expected) {
        assertEquals(expected, tok(in));
    }

    @Test
    void quotesBecomeLatexQuotes() {
        assertEquals("he|said|``|hi|''|and|`|bye|'", tok("he said \"hi\" and 'bye'"));
        assertEquals("``|hi|''", tok("“hi”"));
    }

    @Test
    void fractions() {
        assertEquals(List.of("1/2", "cup"), ptb.tokenize("½ cup"));
        assertEquals(List.of("3\u00A01/2", "feet"), ptb.tokenize("3 1/2 feet"));
        assertEquals(List.of("3\u00A01/2", "feet"), ptb.tokenize("3\u00A01/2 feet"));
        assertEquals(List.of("1/2"), ptb.tokenize("1/2"));
    }

    @Test
    void emojiDeletedUnicodeKept() {
        assertEquals("a|dog|on|grass", tok("a dog 🐶 on grass"));
        assertEquals("a|dog|on|grass", tok("a dog\uD83D\uDC36on grass"));
        assertEquals("café|naïve|Ελλάδα|Москва|猫", tok("café naïve Ελλάδα Москва 猫"));
        assertEquals("e\u0301te\u0301", tok("e\u0301te\u0301")); // combining accents stay in the word
        assertEquals("♥", tok("♥\uFE0F"));
    }

    @Test
    void unicodeSpacesSeparate() {
        assertEquals("a|b|c|d|e|f|g", tok("a\u00A0b\u2003c\u3000d\u2028e\u2029f\tg"));
        assertEquals("ab", tok("a\u00ADb")); // soft hyphen removed inside the word
        assertEquals("a|b", tok("a\u0007b"));   // control character: a separator
    }

    @Test
    void emptyAndBlank() {
        assertEquals(List.of(), ptb.tokenize(""));
        assertEquals(List.of(), ptb.tokenize(" \t\u00A0 "));
    }
}
