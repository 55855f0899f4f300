package dev.vlsuite.shared.metrics.retrieval;

/**
 * One round of a VisDial v1.0 dialog: indices into the file's question and answer pools, the candidate options
 * (indices into the answer pool) and the 0-based index of the ground truth among them. As the official reader
 * pads them: -1 for an absent question or answer, options of -1 when absent, {@code gtIndex} -1 when absent
 * (the last round of a test dialog, and padding rounds).
 */
public record VisDialRound(int question, int answer, int[] answerOptions, int gtIndex) {
    public boolean hasGroundTruth() {
        return gtIndex >= 0;
    }
}
