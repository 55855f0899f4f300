package dev.vlsuite.shared.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluation step: lower-case, PTB, drop pycocoevalcap's punctuation list, join with ' '. */
class CaptionTokenizerTest {
    private final CaptionTokenizer t = new CaptionTokenizer();

    @Test
    void lowerCasesAndDropsPunctuation() {
        assertEquals("a man riding a horse", t.forEval("A man riding a horse."));
        assertEquals("he said hi and bye", t.forEval("He said \"hi\" and 'bye'!"));
        assertEquals("a dog 's ball ok", t.forEval("A dog's ball, ok?"));
        assertEquals("a dog a cat", t.forEval("A dog -- a cat; ..."));
    }

    @Test
    void keepsWhatTheCaseSensitiveListMisses() {
        // the list has -LRB- upper-case, PTB's -lowerCase prints -lrb-: brackets survive, as in the toolkit
        assertEquals("a -lrb- red -rrb- cat -lsb- x -rsb- -lcb- y -rcb-", t.forEval("A (red) cat [x] {y}"));
        assertEquals("what ?!", t.forEval("What?!"));
        assertEquals("$ 5 # 1 50 %", t.forEval("$5 #1 50%"));
    }

    @Test
    void lowerCaseUsesTheEnglishLocale() {
        assertEquals("istanbul", t.forEval("ISTANBUL"));
        assertEquals("ελλάδα", t.forEval("ΕΛΛΆΔΑ"));
    }

    @Test
    void emptyCaptionsGiveEmptyText() {
        assertEquals("", t.forEval(""));
        assertEquals("", t.forEval("   "));
        assertEquals("", t.forEval("... !"));
        assertEquals("!!", t.forEval("!!")); // one PTB token, not in the list: the toolkit keeps it too
        assertEquals(List.of(), t.words("."));
    }

    @Test
    void wordsSplitTheNoBreakSpaceOfFractions() {
        assertEquals("a 3\u00A01/2 foot pole", t.forEval("A 3 1/2 foot pole."));
        assertEquals(List.of("a", "3", "1/2", "foot", "pole"), t.words("A 3 1/2 foot pole."));
        assertEquals(List.of("ca", "n't", "stop", "u.s.a."), t.words("Can't stop U.S.A."));
    }
}
