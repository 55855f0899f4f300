package dev.vlsuite.shared.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small cases worked out by hand (the arithmetic is in the comments). */
class HandComputedMetricsTest {
    private static Map<String, List<String>> refs(Object... idAndRefs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < idAndRefs.length; i += 2) {
            @SuppressWarnings("unchecked") List<String> r = (List<String>) idAndRefs[i + 1];
            m.put((String) idAndRefs[i], r);
        }
        return m;
    }

    private static Map<String, String> cands(String... idAndCand) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < idAndCand.length; i += 2) m.put(idAndCand[i], idAndCand[i + 1]);
        return m;
    }

    @Test
    void bleuClipsRepeatedWordsByTheMaxCountInOneReference() {
        // "a a a a" vs "a a": p1 = 2/4, p2 = 1/3 ("a a" x3 clipped to 1), no brevity penalty (4 > 2)
        List<MetricScore> b = new Bleu().scoreAll(refs("x", List.of("a a")), cands("x", "a a a a"));
        assertEquals(0.5, b.get(0).corpus(), 1e-9);
        assertEquals(Math.sqrt(0.5 / 3), b.get(1).corpus(), 1e-9);
        assertTrue(b.get(2).corpus() < 1e-4); // no trigram in the reference: only the toolkit's tiny constant
    }

    @Test
    void bleuBrevityPenaltyUsesTheClosestReferenceAndTiesGoToTheShorter() {
        // "the cat": closest ref length 3 -> ratio 2/3 -> BP = exp(1 - 3/2)
        List<MetricScore> b = new Bleu().scoreAll(refs("x", List.of("the cat sat", "the cat sat on the mat")), cands("x", "the cat"));
        assertEquals(Math.exp(-0.5), b.get(0).corpus(), 1e-9);
        assertEquals(Math.exp(-0.5), b.get(1).corpus(), 1e-9);
        // length 3 between refs of 2 and 4: the tie goes to 2, so no penalty; clipping uses the max over refs
        List<MetricScore> tie = new Bleu().scoreAll(refs("x", List.of("a b", "a b c d")), cands("x", "a b c"));
        assertEquals(1.0, tie.get(0).corpus(), 1e-9);
    }

    @Test
    void bleuCorpusSumsCountsInsteadOfAveragingImages() {
        // image 1: 1/1 unigram correct; image 2: 0/3 -> corpus p1 = 1/4, not mean(1, 0) = 0.5
        List<MetricScore> b = new Bleu().scoreAll(refs("1", List.of("dog"), "2", List.of("x y z")), cands("1", "dog", "2", "a b c"));
        assertEquals(0.25, b.get(0).corpus(), 1e-9);
        // equal lengths still get the toolkit's tiny brevity penalty: ratio = (1 + 1e-15) / (1 + 1e-9) < 1
        assertEquals(1.0 - 2e-9, b.get(0).perImage().get("1"), 1e-12);
        assertEquals(0.0, b.get(0).perImage().get("2"), 1e-9);
    }

    @Test
    void rougeTakesPrecisionAndRecallMaximaIndependently() {
        // LCS("a b c d", "a c d e f") = 3: P = 3/4, R = 3/5, F = 2.44 * 0.45 / (0.6 + 1.44 * 0.75)
        MetricScore one = new RougeL().score(refs("x", List.of("a c d e f")), cands("x", "a b c d"));
        assertEquals(2.44 * 0.45 / 1.68, one.corpus(), 1e-12);
        // ref 1 gives R = 1 (P = 1/2), ref 2 gives P = 1 (R = 1/2): the maxima make F = 1
        MetricScore two = new RougeL().score(refs("x", List.of("a b", "a b c d e f g h")), cands("x", "a b c d"));
        assertEquals(1.0, two.corpus(), 1e-12);
    }

    @Test
    void rougeCorpusIsTheMeanOfImages() {
        MetricScore r = new RougeL().score(refs("1", List.of("a b"), "2", List.of("c d")), cands("1", "a b", "2", "x y"));
        assertEquals(0.5, r.corpus(), 1e-12);
    }

    @Test
    void ciderIdfComesFromTheReferencesOfTheWholeCorpus() {
        // 2 images, ref_len = ln 2. Image "A": cand "a x" vs ref "a b": unigram cosine 1/2 (weights ln2 each),
        // no bigram match -> mean(1/2, 0, 0, 0) * 10 = 1.25. Image "B" matches perfectly: (1 + 1 + 0 + 0) / 4 * 10 = 5.
        MetricScore c = new CiderD().score(refs("A", List.of("a b"), "B", List.of("c d")), cands("A", "a x", "B", "c d"));
        assertEquals(1.25, c.perImage().get("A"), 1e-12);
        assertEquals(5.0, c.perImage().get("B"), 1e-12);
        assertEquals(3.125, c.corpus(), 1e-12);
        // once "a" is in every image's references its idf is ln2 - ln2 = 0, so A's only match counts for nothing
        MetricScore shared = new CiderD().score(refs("A", List.of("a b"), "B", List.of("a d")), cands("A", "a x", "B", "a d"));
        assertEquals(0.0, shared.perImage().get("A"), 1e-12);
        assertEquals(5.0, shared.perImage().get("B"), 1e-12);
    }

    @Test
    void ciderPenalisesLengthDifferenceWithAGaussian() {
        // the same bag of n-gram matches, one bigram-count apart -> exp(-1 / 72) of the score
        Map<String, List<String>> r = refs("A", List.of("a b c"), "B", List.of("d e"));
        double same = new CiderD().score(r, cands("A", "a b c", "B", "d e")).perImage().get("A");
        double longer = new CiderD().score(r, cands("A", "a b c a b c", "B", "d e")).perImage().get("A");
        assertTrue(same > 0 && longer > 0);
        assertTrue(longer < same * Math.exp(-9.0 / 72) + 1e-9, "3 extra bigrams cost at least exp(-9/72)");
    }

    @Test
    void edgeCasesScoreWithoutFailing() {
        Map<String, List<String>> r = refs("empty", List.of("a dog runs"), "long", List.of("a dog", "a cat"),
                "one", List.of("dog"), "punct", List.of(""), "uni", List.of("café 猫 ёж"));
        Map<String, String> c = cands("empty", "", "long", "a dog and a cat and a bird on a very long road",
                "one", "dog", "punct", "", "uni", "café 猫 ёж");
        List<MetricScore> b = new Bleu().scoreAll(r, c);
        MetricScore rouge = new RougeL().score(r, c);
        MetricScore cider = new CiderD().score(r, c);
        assertEquals(0.0, b.get(0).perImage().get("empty"), 1e-12);
        assertEquals(0.0, rouge.perImage().get("empty"), 1e-12);
        assertEquals(0.0, cider.perImage().get("empty"), 1e-12);
        assertEquals(1.0 - 2e-9, b.get(0).perImage().get("one"), 1e-12);
        assertEquals(1.0, rouge.perImage().get("one"), 1e-12);
        // "" vs "": ROUGE splits on ' ' so both are one empty word and match; BLEU sees no words at all
        assertEquals(1.0, rouge.perImage().get("punct"), 1e-12);
        assertEquals(1.0, b.get(0).perImage().get("uni"), 1e-9);
        assertEquals(1.0, b.get(2).perImage().get("uni"), 1e-9);
        // longer than every ref: no brevity penalty; "a" clipped to 1, + dog + cat -> precision 3/13
        assertEquals(3.0 / 13, b.get(0).perImage().get("long"), 1e-9);
        for (MetricScore s : List.of(b.get(3), rouge, cider)) assertTrue(Double.isFinite(s.corpus()), s.name());
    }

    @Test
    void mismatchedIdsAreNamed() {
        IdMismatchException e = assertThrows(IdMismatchException.class,
                () -> new Bleu().scoreAll(refs("1", List.of("a"), "2", List.of("b")), cands("1", "a", "3", "c")));
        assertEquals(List.of("2"), e.onlyInRefs());
        assertEquals(List.of("3"), e.onlyInCandidates());
        assertTrue(e.getMessage().contains("only in references [2]") && e.getMessage().contains("only in candidates [3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CiderD().score(refs("1", List.of()), cands("1", "a")));
    }
}
