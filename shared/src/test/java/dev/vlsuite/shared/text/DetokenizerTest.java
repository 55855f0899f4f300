package dev.vlsuite.shared.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetokenizerTest {
    @Test
    void punctuationAttachesToThePreviousWord() {
        assertEquals("a dog, a cat; a bird.",
                Detokenizer.detokenize(List.of("a", "dog", ",", "a", "cat", ";", "a", "bird", ".")));
        assertEquals("is it red?", Detokenizer.detokenize(List.of("is", "it", "red", "?")));
    }

    @Test
    void cliticsJoinTheirWord() {
        assertEquals("the man's hat isn't red",
                Detokenizer.detokenize(List.of("the", "man", "'s", "hat", "is", "n't", "red")));
        assertEquals("they're here", Detokenizer.detokenize(List.of("they", "'re", "here")));
    }

    @Test
    void bracketsAndPtbEscapes() {
        assertEquals("a shape (red) here",
                Detokenizer.detokenize(List.of("a", "shape", "-LRB-", "red", "-RRB-", "here")));
        assertEquals("a shape (red)", Detokenizer.detokenize(List.of("a", "shape", "(", "red", ")")));
    }

    @Test
    void capitalisesOnlyWhenAsked() {
        List<String> t = List.of("a", "red", "circle", ".");
        assertEquals("a red circle.", Detokenizer.detokenize(t));
        assertEquals("A red circle.", Detokenizer.detokenize(t, true));
        assertEquals("", Detokenizer.detokenize(List.of(), true));
    }

    @Test
    void specialTokensAreDropped() {
        assertEquals("A blue square",
                Detokenizer.detokenize(List.of("<start>", "a", "blue", "square", "<end>", "<pad>"), true));
    }
}
