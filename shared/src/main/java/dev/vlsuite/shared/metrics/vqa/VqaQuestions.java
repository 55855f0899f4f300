package dev.vlsuite.shared.metrics.vqa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A questions file: the header fields the official loadRes copies ({@code task_type}, {@code data_type},
 * {@code data_subtype}) and the questions in file order.
 */
public record VqaQuestions(String taskType, String dataType, String dataSubtype, List<VqaQuestion> questions) {
    /** The task type of VQA v1 multiple-choice files: predictions must be one of the choices. */
    public static final String MULTIPLE_CHOICE = "Multiple Choice";
    public static final String OPEN_ENDED = "Open-Ended";

    public VqaQuestions {
        questions = List.copyOf(questions);
    }

    public boolean multipleChoice() {
        return MULTIPLE_CHOICE.equals(taskType);
    }

    /** By question id; a repeated id keeps the last entry, as the official createIndex does. */
    public Map<Long, VqaQuestion> byId() {
        Map<Long, VqaQuestion> m = new LinkedHashMap<>();
        for (VqaQuestion q : questions) m.put(q.questionId(), q);
        return m;
    }
}
