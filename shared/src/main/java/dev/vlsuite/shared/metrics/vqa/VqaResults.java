package dev.vlsuite.shared.metrics.vqa;

import java.util.List;

/**
 * A results file as read: the entries with string answers in file order, and the question ids whose answer was
 * not a string (kept so the loadRes check can name them together with missing and extra ids).
 *
 * @param file where the results came from, for messages
 */
public record VqaResults(String file, List<VqaResult> results, List<Long> nonStringAnswerIds) {
    public VqaResults {
        results = List.copyOf(results);
        nonStringAnswerIds = List.copyOf(nonStringAnswerIds);
    }

    /** Results built in memory (training validation, {@code vqa eval}); {@code name} is used in messages. */
    public static VqaResults of(String name, List<VqaResult> results) {
        return new VqaResults(name, results, List.of());
    }
}
