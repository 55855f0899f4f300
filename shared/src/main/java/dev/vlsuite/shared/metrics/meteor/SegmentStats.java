package dev.vlsuite.shared.metrics.meteor;

import java.util.Arrays;
import java.util.List;

/**
 * METEOR's sufficient statistics for one segment (the test aligned with its best reference), or a
 * sum of them for a corpus. Per-module arrays are indexed exact, stem, synonym, paraphrase.
 *
 * @param testLength              words in the test (candidate)
 * @param referenceLength         words in the reference
 * @param testFunctionWords       test words on the function-word list
 * @param referenceFunctionWords  reference words on the function-word list
 * @param testContentMatches      per module: matched test content words
 * @param referenceContentMatches per module: matched reference content words
 * @param testFunctionMatches     per module: matched test function words
 * @param referenceFunctionMatches per module: matched reference function words
 * @param chunks                  contiguous, same-order runs of matches
 * @param testWordMatches         matched test words (all modules)
 * @param referenceWordMatches    matched reference words (all modules)
 */
public record SegmentStats(int testLength, int referenceLength, int testFunctionWords, int referenceFunctionWords,
                           int[] testContentMatches, int[] referenceContentMatches,
                           int[] testFunctionMatches, int[] referenceFunctionMatches,
                           int chunks, int testWordMatches, int referenceWordMatches) {

    /** METEOR reports four modules whether or not they all ran. */
    public static final int MODULES = 4;

    public SegmentStats {
        testContentMatches = checked(testContentMatches);
        referenceContentMatches = checked(referenceContentMatches);
        testFunctionMatches = checked(testFunctionMatches);
        referenceFunctionMatches = checked(referenceFunctionMatches);
    }

    /** All-zero statistics: the identity of {@link #sum}. */
    public static SegmentStats empty() {
        return new SegmentStats(0, 0, 0, 0, new int[MODULES], new int[MODULES], new int[MODULES], new int[MODULES],
                0, 0, 0);
    }

    /** Matched test words over all modules, content and function. */
    public int testTotalMatches() {
        return total(testContentMatches) + total(testFunctionMatches);
    }

    /** Matched reference words over all modules, content and function. */
    public int referenceTotalMatches() {
        return total(referenceContentMatches) + total(referenceFunctionMatches);
    }

    /** Every word on both sides matched in one single chunk: METEOR gives it no fragmentation. */
    public boolean isPerfectSingleChunk() {
        return testTotalMatches() == testLength && referenceTotalMatches() == referenceLength && chunks == 1;
    }

    /**
     * Corpus statistics as METEOR aggregates them: every field summed, except that the chunk of a
     * perfect single-chunk segment is not added.
     */
    public static SegmentStats sum(List<SegmentStats> segments) {
        int tl = 0, rl = 0, tf = 0, rf = 0, chunks = 0, tw = 0, rw = 0;
        int[] tc = new int[MODULES], rc = new int[MODULES], tfm = new int[MODULES], rfm = new int[MODULES];
        for (SegmentStats s : segments) {
            tl += s.testLength;
            rl += s.referenceLength;
            tf += s.testFunctionWords;
            rf += s.referenceFunctionWords;
            for (int m = 0; m < MODULES; m++) {
                tc[m] += s.testContentMatches[m];
                rc[m] += s.referenceContentMatches[m];
                tfm[m] += s.testFunctionMatches[m];
                rfm[m] += s.referenceFunctionMatches[m];
            }
            if (!s.isPerfectSingleChunk()) {
                chunks += s.chunks;
            }
            tw += s.testWordMatches;
            rw += s.referenceWordMatches;
        }
        return new SegmentStats(tl, rl, tf, rf, tc, rc, tfm, rfm, chunks, tw, rw);
    }

    /** The 23 numbers of METEOR's "-ssOut"/stdio SCORE line, in its order. */
    public String toMeteorString() {
        StringBuilder sb = new StringBuilder();
        append(sb, testLength).append(' ');
        append(sb, referenceLength).append(' ');
        append(sb, testFunctionWords).append(' ');
        append(sb, referenceFunctionWords).append(' ');
        for (int m = 0; m < MODULES; m++) {
            append(sb, testContentMatches[m]).append(' ');
            append(sb, referenceContentMatches[m]).append(' ');
            append(sb, testFunctionMatches[m]).append(' ');
            append(sb, referenceFunctionMatches[m]).append(' ');
        }
        append(sb, chunks).append(' ');
        append(sb, testWordMatches).append(' ');
        append(sb, referenceWordMatches);
        return sb.toString();
    }

    @Override
    public int[] testContentMatches() {
        return testContentMatches.clone();
    }

    @Override
    public int[] referenceContentMatches() {
        return referenceContentMatches.clone();
    }

    @Override
    public int[] testFunctionMatches() {
        return testFunctionMatches.clone();
    }

    @Override
    public int[] referenceFunctionMatches() {
        return referenceFunctionMatches.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentStats s && testLength == s.testLength && referenceLength == s.referenceLength
                && testFunctionWords == s.testFunctionWords && referenceFunctionWords == s.referenceFunctionWords
                && Arrays.equals(testContentMatches, s.testContentMatches)
                && Arrays.equals(referenceContentMatches, s.referenceContentMatches)
                && Arrays.equals(testFunctionMatches, s.testFunctionMatches)
                && Arrays.equals(referenceFunctionMatches, s.referenceFunctionMatches)
                && chunks == s.chunks && testWordMatches == s.testWordMatches
                && referenceWordMatches == s.referenceWordMatches;
    }

    @Override
    public int hashCode() {
        return toMeteorString().hashCode();
    }

    @Override
    public String toString() {
        return "SegmentStats[" + toMeteorString() + "]";
    }

    private static StringBuilder append(StringBuilder sb, int value) {
        return sb.append(value).append(".0");
    }

    private static int total(int[] counts) {
        int t = 0;
        for (int c : counts) {
            t += c;
        }
        return t;
    }

    private static int[] checked(int[] counts) {
        if (counts == null || counts.length != MODULES) {
            throw new IllegalArgumentException("per-module counts need " + MODULES + " entries");
        }
        return counts.clone();
    }
}
