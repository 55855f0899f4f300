package dev.vlsuite.shared.metrics.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Ranks, R@k, mean rank, MRR and NDCG@k worked by hand (shared/ref/VISDIAL-EVAL.md sections 2-4). */
class RetrievalMetricsTest {
    @Test
    void ranksAreOneBasedPerOptionWithStableTiesAndNanFirst() {
        // scores .5, .9, .1, .9 -> order 1, 3 (tie: lower index first), 0, 2
        assertArrayEquals(new int[] {3, 1, 4, 2}, OptionRanks.ranks(new float[] {.5f, .9f, .1f, .9f}));
        assertArrayEquals(new int[] {1, 2, 3}, OptionRanks.ranks(new float[] {0, 0, 0}));
        assertArrayEquals(new int[] {2, 1, 3}, OptionRanks.ranks(new float[] {Float.POSITIVE_INFINITY, Float.NaN, -1}));
    }

    @Test
    void sparseMetricsOverEveryRound() {
        SparseRetrievalMetrics m = new SparseRetrievalMetrics();
        for (int rank : new int[] {1, 3, 7, 20}) m.observeRank(rank);
        var s = m.retrieve();
        assertEquals(0.25f, s.r1(), 0);
        assertEquals(0.5f, s.r5(), 0);
        assertEquals(0.75f, s.r10(), 0);
        assertEquals(7.75f, s.meanRank(), 0);
        assertEquals((float) ((1 + 1.0 / 3 + 1.0 / 7 + 1.0 / 20) / 4), s.mrr(), 1e-7);
        // observe() ranks the scores first: the ground truth (index 2) is third of four
        SparseRetrievalMetrics o = new SparseRetrievalMetrics();
        o.observe(new float[] {3, 4, 2, 1}, 2);
        assertEquals(3f, o.retrieve().meanRank(), 0);
        assertEquals((float) (1.0 / 3), o.retrieve().mrr(), 0);
    }

    @Test
    void float32LikeTheOfficialCode() {
        // 0.306 as float32 is 0.3059999942779541 as a double: the official value
        SparseRetrievalMetrics m = new SparseRetrievalMetrics();
        for (int i = 0; i < 1000; i++) m.observeRank(i < 306 ? 1 : 50);
        assertEquals(0.3059999942779541, (double) m.retrieve().r1(), 0);
    }

    @Test
    void ndcgCutsOffAtTheNumberOfRelevantOptions() {
        // k = 1: 1 when the single relevant option is first, else 0, whatever its relevance
        assertEquals(1f, Ndcg.ndcg(new int[] {1, 2, 3}, new float[] {.5f, 0, 0}), 0);
        assertEquals(0f, Ndcg.ndcg(new int[] {2, 1, 3}, new float[] {.5f, 0, 0}), 0);
        // k = 2, relevance (1, .5, 0, 0); predicted order 2, 0, 1, 3: DCG = 0/1 + 1/log2(3); ideal = 1 + .5/log2(3)
        float log3 = (float) (Math.log(3) / Math.log(2));
        float expected = (1f / log3) / (1f + .5f / log3);
        assertEquals(expected, Ndcg.ndcg(new int[] {2, 3, 1, 4}, new float[] {1, .5f, 0, 0}), 1e-7);
        // with all 4 options counted (the pre-fix code) option 1 at position 3 would add credit: the cut-off removes it
        assertTrue(expected < 0.5f);
        // raw relevance is the gain, not 2^rel - 1: a perfect order gives 1
        assertEquals(1f, Ndcg.ndcg(new int[] {1, 2, 3, 4}, new float[] {1, .5f, .2f, 0}), 1e-7);
        // k = 0 is 0/0 as in the official code
        assertTrue(Float.isNaN(Ndcg.ndcg(new int[] {1, 2}, new float[] {0, 0})));
    }

    @Test
    void ndcgMeanOverDenseRounds() {
        Ndcg n = new Ndcg();
        n.observe(new float[] {9, 1, 0}, new float[] {1, 0, 0}); // 1
        n.observe(new float[] {1, 9, 0}, new float[] {1, 0, 0}); // 0
        assertEquals(0.5f, n.retrieve(), 0);
        assertEquals(2, n.count());
    }
}
