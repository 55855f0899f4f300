package dev.vlsuite.shared.metrics.meteor;

import java.util.Map;

/**
 * METEOR over a corpus.
 *
 * @param corpus          score of the summed statistics (what the COCO toolkit reports)
 * @param perImageScores  segment score of each image id, in input order
 * @param perImageStats   segment statistics of each image id (best reference), in input order
 * @param corpusStats     the summed statistics
 */
public record MeteorResult(double corpus, Map<String, Double> perImageScores,
                           Map<String, SegmentStats> perImageStats, SegmentStats corpusStats) {
}
