package dev.vlsuite.shared.metrics;

import java.util.List;
import java.util.Map;

/**
 * What {@link CaptionEvaluator} returns. {@code corpus}: metric name (Bleu_1..Bleu_4, METEOR,
 * ROUGE_L, CIDEr) -> corpus score, in that order. {@code perImage}: image id -> metric name ->
 * score, images in reference order. {@code notes}: remarks a scorer wants shown with the numbers.
 */
public record EvaluationReport(Map<String, Double> corpus, Map<String, Map<String, Double>> perImage, List<String> notes) {
    public EvaluationReport {
        corpus = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(corpus));
        perImage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perImage));
        notes = List.copyOf(notes);
    }
}
