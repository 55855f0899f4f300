package dev.vlsuite.shared.metrics.vqa;

import java.util.ArrayList;
import java.util.List;

/**
 * A results file the official loadRes (or the evaluation right after it) would reject: question ids missing from
 * the results, ids that are not in the annotations, answers that are not strings, and, for a "Multiple Choice"
 * questions file, answers that are not one of the question's choices. Nothing is scored.
 */
public class VqaResultsRejectedException extends VqaFormatException {
    private static final int SHOWN = 10;
    private final List<Long> missingIds;
    private final List<Long> extraIds;
    private final List<Long> nonStringAnswerIds;
    private final List<Long> notAChoiceIds;

    public VqaResultsRejectedException(String file, List<Long> missingIds, List<Long> extraIds,
                                       List<Long> nonStringAnswerIds, List<Long> notAChoiceIds) {
        super(file, reason(missingIds, extraIds, nonStringAnswerIds, notAChoiceIds));
        this.missingIds = List.copyOf(missingIds);
        this.extraIds = List.copyOf(extraIds);
        this.nonStringAnswerIds = List.copyOf(nonStringAnswerIds);
        this.notAChoiceIds = List.copyOf(notAChoiceIds);
    }

    /** Annotation question ids with no result. */
    public List<Long> missingIds() {
        return missingIds;
    }

    /** Result question ids that are not in the annotations. */
    public List<Long> extraIds() {
        return extraIds;
    }

    /** Result question ids whose answer is not a JSON string. */
    public List<Long> nonStringAnswerIds() {
        return nonStringAnswerIds;
    }

    /** Multiple-choice results whose answer is not one of the question's choices. */
    public List<Long> notAChoiceIds() {
        return notAChoiceIds;
    }

    private static String reason(List<Long> missing, List<Long> extra, List<Long> nonString, List<Long> notChoice) {
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) parts.add(missing.size() + " question ids of the annotations have no result " + sample(missing));
        if (!extra.isEmpty()) parts.add(extra.size() + " result question ids are not in the annotations " + sample(extra));
        if (!nonString.isEmpty()) parts.add(nonString.size() + " answers are not strings, question ids " + sample(nonString));
        if (!notChoice.isEmpty()) parts.add(notChoice.size() + " answers are not one of the multiple choices, question ids " + sample(notChoice));
        return "results rejected as the official evaluator would: " + String.join("; ", parts);
    }

    private static String sample(List<Long> ids) {
        List<String> head = ids.stream().limit(SHOWN).map(String::valueOf).toList();
        return "[" + String.join(", ", head) + (ids.size() > SHOWN ? ", ..." : "") + "]";
    }
}
