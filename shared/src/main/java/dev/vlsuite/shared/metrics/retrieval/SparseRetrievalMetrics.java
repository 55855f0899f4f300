package dev.vlsuite.shared.metrics.retrieval;

/**
 * SparseGTMetrics of the official VisDial code: over every observed (dialog, round), the rank of the ground-truth
 * option; R@1/5/10 = mean(rank <= k), mean rank, MRR = mean(1 / rank). The official values are float32 means.
 * Counts and rank sums are exact integers here, so R@k and mean rank are the float32 of the exact quotient;
 * MRR sums the float32 reciprocals in double (torch's float32 reduction order differs by ~1e-7).
 */
public final class SparseRetrievalMetrics {
    private long count;
    private long within1;
    private long within5;
    private long within10;
    private long rankSum;
    private double reciprocalSum;

    /** One round: its option scores (N) and the 0-based index of the ground-truth option. */
    public void observe(float[] scores, int gtIndex) {
        if (gtIndex < 0 || gtIndex >= scores.length) {
            throw new IllegalArgumentException("gt_index " + gtIndex + " is outside the " + scores.length + " options");
        }
        observeRank(OptionRanks.ranks(scores)[gtIndex]);
    }

    /** One round given the 1-based rank of its ground-truth option. */
    public void observeRank(int rank) {
        count++;
        if (rank <= 1) within1++;
        if (rank <= 5) within5++;
        if (rank <= 10) within10++;
        rankSum += rank;
        reciprocalSum += 1f / rank; // torch: rank_tensor.reciprocal() in float32
    }

    public long count() {
        return count;
    }

    /** The five values; NaN when nothing was observed (the official code returns no keys then). */
    public Sparse retrieve() {
        double n = count;
        return new Sparse((float) (within1 / n), (float) (within5 / n), (float) (within10 / n),
                (float) (rankSum / n), (float) (reciprocalSum / n));
    }

    /** R@1, R@5, R@10 as fractions in [0, 1], the mean rank and the MRR. */
    public record Sparse(float r1, float r5, float r10, float meanRank, float mrr) {}
}
