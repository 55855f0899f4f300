package dev.vlsuite.shared.metrics.vqa;

import java.util.List;

/**
 * One entry of a VQA annotations file. The metric takes the types from here, never from the results;
 * {@code multipleChoiceAnswer} (the most common answer) is not used by the metric.
 */
public record VqaAnnotation(long questionId, long imageId, String questionType, String answerType,
                            String multipleChoiceAnswer, List<HumanAnswer> answers) {
    public VqaAnnotation {
        answers = List.copyOf(answers);
    }

    /** The human answer strings, in file order. */
    public List<String> answerTexts() {
        return answers.stream().map(HumanAnswer::answer).toList();
    }
}
