package dev.vlsuite.shared.vision;

import dev.vlsuite.shared.image.DecodeOptions;

/**
 * How {@link FeatureCache#ensure} extracts.
 *
 * @param batchSize     images per CNN call
 * @param decodeThreads threads decoding and preprocessing ahead of the CNN
 * @param decode        decoder limits (bad files are reported and skipped)
 * @param segmentBytes  upper bound of one segment file (each is memory-mapped whole; at most 1 GiB)
 */
public record CacheOptions(int batchSize, int decodeThreads, DecodeOptions decode, long segmentBytes) {
    public static final long MAX_SEGMENT_BYTES = 1L << 30;

    public CacheOptions {
        if (segmentBytes < 1 || segmentBytes > MAX_SEGMENT_BYTES) {
            throw new IllegalArgumentException("segmentBytes must be in 1.." + MAX_SEGMENT_BYTES + ", got " + segmentBytes);
        }
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        if (decodeThreads < 1) throw new IllegalArgumentException("decodeThreads must be >= 1, got " + decodeThreads);
    }

    /** Batch 8; one decode thread per core but one (the CNN keeps the rest busy). */
    public static CacheOptions defaults() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        return new CacheOptions(8, threads, DecodeOptions.defaults(), MAX_SEGMENT_BYTES);
    }

    public CacheOptions withBatchSize(int size) {
        return new CacheOptions(size, decodeThreads, decode, segmentBytes);
    }

    public CacheOptions withSegmentBytes(long bytes) {
        return new CacheOptions(batchSize, decodeThreads, decode, bytes);
    }
}
