package dev.vlsuite.shared.metrics.retrieval;

/**
 * One entry of the dense annotations file: the image, the 1-based round that is densely annotated and the relevance
 * in [0, 1] of each of that round's options (the ground truth's is not necessarily 1).
 */
public record DenseAnnotation(long imageId, int roundId, float[] relevance) {}
