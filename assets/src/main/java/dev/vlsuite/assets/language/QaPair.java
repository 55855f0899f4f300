package dev.vlsuite.assets.language;

/**
 * A question about a scene with its one correct answer, typed as VQA v2 types them.
 *
 * @param questionType a prefix from the official VQA question-type list ("how many", "what color is the", ...)
 * @param answerType   "yes/no", "number" or "other"
 */
public record QaPair(String question, String answer, String questionType, String answerType) {
    public static final String YES_NO = "yes/no";
    public static final String NUMBER = "number";
    public static final String OTHER = "other";
}
