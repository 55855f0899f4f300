package dev.vlsuite.shared.metrics.vqa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every normalisation rule of the official evaluator, on hand-worked cases (shared/ref/VQA-EVAL.md section 3). */
class VqaAnswersTest {
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            // the table of section 3c, checked there against the official code
            "Yes!|yes", "yes ?|yes", "Two dogs|2 dogs", "none of them|0 of them", "The Man in the Hat|man in hat",
            "Dont|don't", "three oclock|3 o'clock", "hot-dog|hot dog", "black/white|black white",
            "black & white|black & white", "3 1/2|3 1 2", "a-b, c|b c", "yes, it is|yes it is", "On The Left!|on left",
            "an|~~",
            // punctuation: space vs delete is decided on the original text
            "t-shirt|t shirt", "t - shirt|t shirt", "red, white|red white", "red,white|red white", "c++|c",
            "yes?no|yes no", "yes !|yes", "a=b|b", "~\"Nike\"~|nike",
            // the digit-comma-digit override deletes every listed character in the string
            "1,000|1000", "1,000-2,000|10002000", "1,000 (approx)|1000 approx", "1, 000|1 000",
            // periods: deleted unless a digit follows
            "3.5|3.5", "3.5.|3.5", ".5|.5", "5.|5", "a.m.|am", "p.m|pm", "mr.smith|mrsmith", "mr. smith|mr smith",
            "1.000|1.000",
            // characters outside the list survive
            "3:00|3:00", "50%|50%", "#5|#5", "$5|$5", "dog's|dog's", "it’s|it’s",
            // number words: whole words zero..ten and none, nothing above
            "zero|0", "ten|10", "eleven|eleven", "twenty-two|twenty 2", "Four Five|4 5", "someone|someone",
            // articles are dropped anywhere, only as whole words
            "the|~~", "A dog|dog", "an apple a day|apple day", "theater|theater",
            // contractions per whole word after lowercasing; the capitalised keys never fire
            "isnt|isn't", "Im not sure|im not sure", "Ive|ive", "its raining|its raining", "somebody'd|somebodyd",
            "let's|let's", "yall'll|y'all'll",
            // whitespace: Python split/strip (NBSP, ideographic space) and single-space join
            "~  two   dogs  ~|2 dogs", "~two\u00a0dogs~|2 dogs", "~\u3000yes\u3000~|yes"})
    void normalisesAsTheOfficialCode(String raw, String expected) {
        assertEquals(expected, VqaAnswers.normalize(raw));
    }

    @Test
    void cleaningTurnsNewlinesAndTabsIntoSpacesAndStripsUnicodeWhitespace() {
        assertEquals("yes  no", VqaAnswers.clean("\u00a0yes\n\tno\r\u0085"));
        assertEquals("", VqaAnswers.clean(" \u2003\u000b\u001f "));
        // cleaning alone keeps case and punctuation: only normalisation changes them
        assertEquals("Yes.", VqaAnswers.clean(" Yes.\n"));
    }

    @Test
    void atMostThirtyTwoPeriodsAreRemoved() {
        assertEquals("yes", VqaAnswers.normalize("yes" + ".".repeat(32)));
        assertEquals("yes.", VqaAnswers.normalize("yes" + ".".repeat(33)));
        assertEquals("yes........", VqaAnswers.normalize("yes" + ".".repeat(40)));
    }

    @Test
    void onlyAsciiDigitsCountForTheDigitRules() {
        // Arabic-Indic digits are not \d under Python 2: the comma is spaced, the period deleted
        assertEquals("١ ٠٠٠", VqaAnswers.normalize("١,٠٠٠"));
        assertEquals("٣٥", VqaAnswers.normalize("٣.٥"));
    }

    @Test
    void theContractionsTableIsTheOfficialOne() {
        assertEquals(120, VqaContractions.TABLE.size());
        assertEquals(List.of("I'm"), List.of(VqaContractions.TABLE.get("Im")));
    }
}
