package dev.vlsuite.captioning.training;

/**
 * Data-side settings of caption training (the optimizer side is shared.train.TrainConfig).
 *
 * @param batchSize          captions per step (Xu et al.: 64; the PyTorch tutorial: 32)
 * @param minWordCount       words seen fewer times in the training captions become &lt;unk&gt; (neuraltalk2: 5)
 * @param validationImages   greedy-decode at most this many images of the validation split (0 = all of them)
 * @param validationSplit    the split validated on ("val")
 * @param trainSplits        the splits trained on (Karpathy's "train" plus "restval" when present)
 */
public record CaptionTrainingOptions(int batchSize, int minWordCount, int validationImages, String validationSplit,
                                     java.util.List<String> trainSplits) {
    public CaptionTrainingOptions {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        if (minWordCount < 1) throw new IllegalArgumentException("min word count must be >= 1, got " + minWordCount);
        if (validationImages < 0) throw new IllegalArgumentException("validation images must be >= 0");
        if (validationSplit == null || validationSplit.isBlank()) validationSplit = "val";
        trainSplits = trainSplits == null || trainSplits.isEmpty() ? java.util.List.of("train", "restval")
                : java.util.List.copyOf(trainSplits);
    }

    public static CaptionTrainingOptions defaults() {
        return new CaptionTrainingOptions(32, 5, 500, "val", null);
    }

    public CaptionTrainingOptions withBatchSize(int n) {
        return new CaptionTrainingOptions(n, minWordCount, validationImages, validationSplit, trainSplits);
    }

    public CaptionTrainingOptions withMinWordCount(int n) {
        return new CaptionTrainingOptions(batchSize, n, validationImages, validationSplit, trainSplits);
    }

    public CaptionTrainingOptions withValidation(String split, int images) {
        return new CaptionTrainingOptions(batchSize, minWordCount, images, split, trainSplits);
    }

    public CaptionTrainingOptions withTrainSplits(java.util.List<String> splits) {
        return new CaptionTrainingOptions(batchSize, minWordCount, validationImages, validationSplit, splits);
    }
}
