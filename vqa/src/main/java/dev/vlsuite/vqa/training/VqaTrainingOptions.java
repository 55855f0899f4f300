package dev.vlsuite.vqa.training;

/**
 * The data side of VQA training.
 *
 * @param batchSize        questions per step
 * @param answerClasses    K, the most frequent training answers kept (1000, as VQA_LSTM_CNN)
 * @param softTargets      VQA v2 soft scores min(1, count/3) (default) or the most frequent answer, one-hot
 * @param minWordCount     question words seen fewer times become {@code <unk>}
 * @param validationQuestions validate on at most this many questions (0 = all)
 */
public record VqaTrainingOptions(int batchSize, int answerClasses, boolean softTargets, int minWordCount, int validationQuestions) {
    public VqaTrainingOptions {
        if (batchSize < 1) throw new IllegalArgumentException("--batch must be >= 1, got " + batchSize);
        if (answerClasses < 1) throw new IllegalArgumentException("--answers must be >= 1, got " + answerClasses);
        if (minWordCount < 1) throw new IllegalArgumentException("--min-count must be >= 1, got " + minWordCount);
        if (validationQuestions < 0) throw new IllegalArgumentException("--val-questions must be >= 0");
    }

    public static VqaTrainingOptions defaults() {
        return new VqaTrainingOptions(128, 1000, true, 1, 5000);
    }

    public VqaTrainingOptions withBatchSize(int n) {
        return new VqaTrainingOptions(n, answerClasses, softTargets, minWordCount, validationQuestions);
    }

    public VqaTrainingOptions withAnswers(int k, boolean soft) {
        return new VqaTrainingOptions(batchSize, k, soft, minWordCount, validationQuestions);
    }

    public VqaTrainingOptions withMinWordCount(int n) {
        return new VqaTrainingOptions(batchSize, answerClasses, softTargets, n, validationQuestions);
    }

    public VqaTrainingOptions withValidationQuestions(int n) {
        return new VqaTrainingOptions(batchSize, answerClasses, softTargets, minWordCount, n);
    }
}
