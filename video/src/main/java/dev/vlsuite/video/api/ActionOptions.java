package dev.vlsuite.video.api;

import dev.vlsuite.shared.video.Sampling;

/**
 * How to classify.
 *
 * @param top      how many classes each prediction lists (>= 1)
 * @param batch    videos per model call
 * @param sampling which frames to read; null: the model's own N evenly spaced frames
 */
public record ActionOptions(int top, int batch, Sampling sampling) {
    public ActionOptions {
        if (top < 1) throw new IllegalArgumentException("top must be >= 1: " + top);
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1: " + batch);
    }

    public static ActionOptions defaults() {
        return new ActionOptions(3, ActionClassifier.BATCH, null);
    }
}
