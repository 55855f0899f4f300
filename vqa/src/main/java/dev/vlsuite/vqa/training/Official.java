package dev.vlsuite.vqa.training;

import dev.vlsuite.shared.metrics.vqa.VqaAccuracy;
import dev.vlsuite.shared.metrics.vqa.VqaAnswers;
import java.util.List;

/**
 * The official VQA accuracy of one answer and the official answer normalisation (shared.metrics.vqa), as training
 * targets, the answer vocabulary and validation use them: answers the evaluator would count as one ("two", "2")
 * are one class.
 */
public final class Official {
    private Official() {}

    /** The answer as the evaluator compares it when the humans disagree. */
    public static String normalise(String answer) {
        return VqaAnswers.normalize(answer);
    }

    /** The official per-question accuracy in [0, 1]. */
    public static double accuracy(String answer, List<String> humans) {
        return VqaAccuracy.accuracy(answer, humans);
    }
}
