package dev.vlsuite.shared.metrics.retrieval;

/** One entry of the EvalAI ranks file: {@code ranks[i]} is the 1-based rank of option i of that round. */
public record RanksEntry(long imageId, int roundId, int[] ranks) {}
