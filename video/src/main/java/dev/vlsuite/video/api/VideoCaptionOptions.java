package dev.vlsuite.video.api;

import dev.vlsuite.shared.video.Sampling;

/**
 * How to caption.
 *
 * @param beam      beam width; 1 is greedy
 * @param maxLength most tokens per caption, the end token included
 * @param batch     videos decoded together
 * @param sampling  which frames to read; null: as many evenly spaced frames as the model was trained with
 */
public record VideoCaptionOptions(int beam, int maxLength, int batch, Sampling sampling) {
    public VideoCaptionOptions {
        if (beam < 1 || maxLength < 2 || batch < 1) throw new IllegalArgumentException("beam >= 1, maxLength >= 2, batch >= 1");
    }

    /** Beam 3, 20 tokens, 8 videos at a time, the model's frame count. */
    public static VideoCaptionOptions defaults() {
        return new VideoCaptionOptions(3, 20, 8, null);
    }

    public VideoCaptionOptions withSampling(Sampling s) {
        return new VideoCaptionOptions(beam, maxLength, batch, s);
    }
}
