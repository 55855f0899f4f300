package dev.vlsuite.vqa.data;

import java.nio.file.Path;
import java.util.List;

/**
 * One question of a VQA file, joined with its annotation when the annotations were given.
 *
 * @param questionId      the official question id
 * @param imageId         the COCO (or synthetic) image id
 * @param question        the question as written
 * @param multipleChoices v1 multiple-choice candidates; empty for v2 / open-ended
 * @param image           the image file, resolved under the images root
 * @param split           the image's split from the root's dataset.json ("train", "val", ...); null when unknown
 * @param annotation      the human answers; null without an annotations file
 */
public record VqaItem(long questionId, long imageId, String question, List<String> multipleChoices, Path image,
                      String split, Annotation annotation) {
    public VqaItem {
        multipleChoices = List.copyOf(multipleChoices);
    }

    /**
     * The official annotation fields.
     *
     * @param answers the (10) human answers, as written
     */
    public record Annotation(String questionType, String answerType, String multipleChoiceAnswer, List<String> answers) {
        public Annotation {
            answers = List.copyOf(answers);
        }
    }
}
