package dev.vlsuite.shared.metrics.retrieval;

import java.util.Arrays;

/**
 * NDCG of the official VisDial code (after "Fix NDCG @ k calculation", 9acafd2): for one dense round, k = the number
 * of options with non-zero relevance; DCG = sum over the top-k predicted options of relevance / log2(position + 1)
 * (raw relevance as gain, 1-based positions); divided by the DCG of the k largest relevances; averaged over the
 * dense rounds. float32 throughout, as the official code. k = 0 gives NaN (0/0), as the official code does.
 */
public final class Ndcg {
    private float numerator;
    private int denominator;

    /** One dense round: option scores (N) and the relevance of each option (N). */
    public void observe(float[] scores, float[] relevance) {
        numerator += ndcg(OptionRanks.ranks(scores), relevance); // the official sum is float32
        denominator++;
    }

    public int count() {
        return denominator;
    }

    /** Mean NDCG over the observed rounds, float32; NaN when none was observed. */
    public float retrieve() {
        return denominator == 0 ? Float.NaN : numerator / denominator;
    }

    /** NDCG@k of one round from the 1-based ranks (N) of the options and their relevance (N). */
    public static float ndcg(int[] ranks, float[] relevance) {
        if (ranks.length != relevance.length) {
            throw new IllegalArgumentException(ranks.length + " ranks but " + relevance.length + " relevance values");
        }
        int n = ranks.length;
        int k = 0;
        for (float r : relevance) if (r != 0) k++;
        int[] predicted = new int[n]; // options in predicted order: argsort of the ranks
        for (int i = 0; i < n; i++) predicted[ranks[i] - 1] = i;
        float[] ideal = relevance.clone(); // relevance in descending order (ties need no order: same values)
        Arrays.sort(ideal);
        float dcg = 0;
        float best = 0;
        for (int i = 0; i < k; i++) {
            float discount = log2(i + 2);
            dcg += relevance[predicted[i]] / discount;
            best += ideal[n - 1 - i] / discount;
        }
        return dcg / best;
    }

    // torch.log2 on float32: the float nearest to log2(x)
    private static float log2(int x) {
        return (float) (Math.log(x) / Math.log(2));
    }
}
