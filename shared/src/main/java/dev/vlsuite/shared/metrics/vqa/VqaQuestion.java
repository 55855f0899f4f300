package dev.vlsuite.shared.metrics.vqa;

import java.util.List;

/**
 * One entry of a VQA questions file. {@code multipleChoices} is empty for open-ended files (v2) and holds the
 * 18 choices of a v1 "Multiple Choice" file.
 */
public record VqaQuestion(long questionId, long imageId, String question, List<String> multipleChoices) {
    public VqaQuestion {
        multipleChoices = List.copyOf(multipleChoices);
    }

    public VqaQuestion(long questionId, long imageId, String question) {
        this(questionId, imageId, question, List.of());
    }
}
