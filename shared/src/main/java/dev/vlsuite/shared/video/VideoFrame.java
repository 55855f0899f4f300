package dev.vlsuite.shared.video;

import dev.vlsuite.shared.image.DecodedImage;

/**
 * One sampled frame, upright and with square pixels, owned by the receiver (nothing aliases the
 * grabber's buffers). {@code image} goes straight into {@link dev.vlsuite.shared.image.Preprocess}.
 *
 * @param sample          0-based number of this sample in the output sequence
 * @param frameIndex      0-based index of the decoded frame it came from (decoding order)
 * @param timestampMicros the frame's presentation time, relative to the first frame of the video
 * @param image           RGB pixels
 */
public record VideoFrame(int sample, int frameIndex, long timestampMicros, DecodedImage image) {}
