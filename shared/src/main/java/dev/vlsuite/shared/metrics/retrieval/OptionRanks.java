package dev.vlsuite.shared.metrics.retrieval;

import java.util.Arrays;

/**
 * scores_to_ranks of the official VisDial code: the 1-based rank of every option after a descending sort of its
 * score. torch.sort (stable=False) has no defined order for ties; vlsuite's is stable: the lower option index ranks
 * first. NaN sorts as the largest score (rank 1), as observed with torch on CPU.
 */
public final class OptionRanks {
    private OptionRanks() {}

    /** scores (N) -> ranks (N), ranks[i] in 1..N is the position of option i. */
    public static int[] ranks(float[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        // descending; Float.compare orders NaN above +Infinity, which is torch's descending order too
        Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a])); // a stable merge sort
        int[] ranks = new int[scores.length];
        for (int position = 0; position < order.length; position++) ranks[order[position]] = position + 1;
        return ranks;
    }
}
