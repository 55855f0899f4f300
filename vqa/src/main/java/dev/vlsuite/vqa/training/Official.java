package dev.vlsuite.vqa.training;

import java.util.List;
import java.util.Locale;

/**
 * The official VQA accuracy of one answer and the answer normalisation, as training, validation and the
 * answer vocabulary use them.
 */
public final class Official {
    private Official() {}

    /** The answer as the evaluator compares it. */
    public static String normalise(String answer) {
        return answer.trim().toLowerCase(Locale.ROOT);
    }

    /** Mean over the leave-one-out subsets of the humans of min(1, matches / 3), in [0, 1]. */
    public static double accuracy(String answer, List<String> humans) {
        String a = normalise(answer);
        double sum = 0;
        for (int left = 0; left < humans.size(); left++) {
            int matches = 0;
            for (int j = 0; j < humans.size(); j++) if (j != left && normalise(humans.get(j)).equals(a)) matches++;
            sum += Math.min(1.0, matches / 3.0);
        }
        return humans.isEmpty() ? 0 : sum / humans.size();
    }
}
