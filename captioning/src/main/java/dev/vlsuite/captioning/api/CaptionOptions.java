package dev.vlsuite.captioning.api;

/**
 * How {@link ImageCaptioner} decodes.
 *
 * @param beam      beam width K; 1 is greedy decoding
 * @param maxLen    most tokens per caption, the end token included
 * @param batchSize images per backbone call and per batched beam search
 */
public record CaptionOptions(int beam, int maxLen, int batchSize) {
    public CaptionOptions {
        if (beam < 1) throw new IllegalArgumentException("beam must be >= 1, got " + beam);
        if (maxLen < 1) throw new IllegalArgumentException("max length must be >= 1, got " + maxLen);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }

    /** Beam 3 (as the Show-Attend-and-Tell tutorial), 20 tokens, 16 images per batch. */
    public static CaptionOptions defaults() {
        return new CaptionOptions(3, 20, 16);
    }

    public CaptionOptions withBeam(int k) {
        return new CaptionOptions(k, maxLen, batchSize);
    }

    public CaptionOptions withMaxLen(int n) {
        return new CaptionOptions(beam, n, batchSize);
    }

    public CaptionOptions withBatchSize(int n) {
        return new CaptionOptions(beam, maxLen, n);
    }
}
