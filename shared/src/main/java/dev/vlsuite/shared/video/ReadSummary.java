package dev.vlsuite.shared.video;

/**
 * How a read went.
 *
 * @param info          what the file is
 * @param framesDecoded frames the decoder produced (a read stops early once every sample is taken)
 * @param samples       frames handed to the consumer
 * @param truncated     the file ended before its declared duration (or the decoder failed part-way):
 *                      the samples cover only what decoded
 * @param note          one line for the record when truncated ("truncated: 5 frames decoded, 0.42 s of 2.00 s"), else null
 */
public record ReadSummary(VideoInfo info, int framesDecoded, int samples, boolean truncated, String note) {}
