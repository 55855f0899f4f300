package dev.vlsuite.shared.metrics.meteor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The score formula, fragmentation, corpus aggregation and edge cases. */
class MeteorScoringTest {

    private static Meteor meteor;

    @BeforeAll
    static void load() throws IOException {
        meteor = Meteor.create(MeteorOptions.defaults());
    }

    // Fmean * (1 - 0.6 * frag^0.2) for exact-only statistics, written out independently
    private static double byHand(double testContent, double testFunction, double testLength, double testFw,
                                 double refLength, double refFw, double chunks, double matches, boolean perfect) {
        double p = (testContent * 0.75 + testFunction * 0.25) / (0.75 * (testLength - testFw) + 0.25 * testFw);
        double r = (testContent * 0.75 + testFunction * 0.25) / (0.75 * (refLength - refFw) + 0.25 * refFw);
        double fmean = p * r / (0.85 * p + 0.15 * r);
        double frag = perfect ? 0 : chunks / matches;
        return fmean * (1 - 0.6 * Math.pow(frag, 0.2));
    }

    @Test
    void identicalSentencesScoreOne() {
        SegmentStats s = meteor.segmentStats("a man rides a horse", List.of("a man rides a horse"));
        assertEquals(1, s.chunks());
        assertEquals(1.0, meteor.segmentScore(s), 1e-12);
    }

    @Test
    void fragmentationPenalty() {
        // all three words match, in two chunks ("the cat" | "sat")
        SegmentStats s = meteor.segmentStats("sat the cat", List.of("the cat sat"));
        assertEquals(2, s.chunks());
        assertEquals(byHand(2, 1, 3, 1, 3, 1, 2, 3, false), meteor.segmentScore(s), 1e-12);
        // fully reversed: three chunks, lower score
        SegmentStats reversed = meteor.segmentStats("sat cat the", List.of("the cat sat"));
        assertEquals(3, reversed.chunks());
        assertEquals(byHand(2, 1, 3, 1, 3, 1, 3, 3, false), meteor.segmentScore(reversed), 1e-12);
    }

    @Test
    void corpusScoreComesFromSummedStatistics() {
        Map<String, List<String>> refs = new LinkedHashMap<>();
        Map<String, String> cands = new LinkedHashMap<>();
        refs.put("perfect", List.of("a dog runs"));
        cands.put("perfect", "a dog runs");
        refs.put("partial", List.of("this is a test", "this is also a test"));
        cands.put("partial", "this is a good test");
        MeteorResult result = meteor.evaluate(refs, cands);

        // summed: test 8 words (4 function), ref 7 (4 function), exact 3 content + 4 function matches,
        // chunks 2 (the perfect segment's single chunk is not added), 7 matched words on each side
        double expected = byHand(3, 4, 8, 4, 7, 4, 2, 7, false);
        assertEquals(expected, result.corpus(), 1e-12);
        assertEquals(2, result.corpusStats().chunks());
        double mean = (result.perImageScores().get("perfect") + result.perImageScores().get("partial")) / 2;
        assertNotEquals(mean, result.corpus(), 1e-3);
        assertEquals(1.0, result.perImageScores().get("perfect"), 1e-12);
        assertEquals(0.4443438716486749, result.perImageScores().get("partial"), 1e-9);
    }

    @Test
    void emptyCandidateScoresZero() {
        SegmentStats s = meteor.segmentStats("", List.of("a dog runs"));
        assertEquals(0, s.testLength());
        assertEquals(3, s.referenceLength());
        assertEquals(0.0, meteor.segmentScore(s));
        assertEquals(0.0, meteor.segmentScore(meteor.segmentStats("zebra", List.of("a dog runs"))));
    }

    @Test
    void mismatchedIdsAreReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> meteor.score(Map.of("1", List.of("a dog")), Map.of("2", "a dog")));
        assertEquals("image id 2 has a candidate but no references", e.getMessage());
    }

    @Test
    void parallelScoringIsDeterministic() throws IOException {
        Map<String, List<String>> refs = new LinkedHashMap<>();
        Map<String, String> cands = new LinkedHashMap<>();
        String[] words = {"a", "man", "dog", "dogs", "runs", "running", "on", "the", "grass", "car", "automobile",
            "red", "big", "small", "sits", "sitting", "with", "ball", "play", "plays"};
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            refs.put("img" + i, List.of(sentence(random, words), sentence(random, words), sentence(random, words)));
            cands.put("img" + i, sentence(random, words));
        }
        MeteorResult one = Meteor.create(MeteorOptions.defaults().withThreads(1)).evaluate(refs, cands);
        MeteorResult four = Meteor.create(MeteorOptions.defaults().withThreads(4)).evaluate(refs, cands);
        assertEquals(one.perImageStats(), four.perImageStats());
        assertEquals(one.corpus(), four.corpus());
    }

    private static String sentence(java.util.Random random, String[] words) {
        StringBuilder sb = new StringBuilder();
        int n = 3 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        return sb.toString();
    }
}
