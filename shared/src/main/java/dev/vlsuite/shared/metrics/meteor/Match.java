package dev.vlsuite.shared.metrics.meteor;

/**
 * One candidate match between a span of the reference (line 2, where the aligner walks) and a span
 * of the test (line 1), found by one module.
 */
record Match(int start, int length, int matchStart, int matchLength, int module) {
}
