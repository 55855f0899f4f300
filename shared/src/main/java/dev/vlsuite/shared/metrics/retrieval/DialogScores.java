package dev.vlsuite.shared.metrics.retrieval;

/**
 * A model's option scores for one dialog (larger is better): {@code scores[round][option]}. In a val scores file
 * {@code [{image_id, scores: [rounds][100]}]} there is a row per round and {@code roundId} is 0; in a test file
 * {@code [{image_id, round_id, scores: [100]}]} there is one row, for the 1-based {@code roundId}.
 */
public record DialogScores(long imageId, int roundId, float[][] scores) {
    public boolean lastRoundOnly() {
        return roundId > 0;
    }
}
