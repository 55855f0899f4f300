/**
 * Frames from video files, sampled by time: {@link dev.vlsuite.shared.video.FrameReader} on JavaCV's
 * FFmpegFrameGrabber reads any file the bundled FFmpeg decodes (H.264, HEVC, VP8, VP9, AV1, MPEG-4
 * Part 2, MJPEG, MPEG-2, animated GIF; with or without sound) and hands each sampled frame to a
 * consumer as it is decoded, so memory stays flat for long 1080p files.
 *
 * <pre>{@code
 * FrameReader reader = new FrameReader(256);                      // shorter side <= 256 while decoding (0: full size)
 * Preprocess pre = Preprocess.imagenet(224);
 * List<float[]> chw = new ArrayList<>();
 * ReadSummary s = reader.read(path, Sampling.evenly(32), f -> chw.add(pre.toChw(f.image())));
 * if (s.truncated()) System.err.println(path + ": " + s.note());
 * }</pre>
 *
 * <ul>
 * <li>{@link dev.vlsuite.shared.video.Sampling}: N evenly spaced frames (default 32, at the centres of N equal
 *     time slices), F frames per second, or every K-th decoded frame. Time modes take the frame on screen at
 *     each target time, so variable-frame-rate files are sampled evenly in time. The clip's span comes from
 *     a decode-free pass over the video packets, because container durations lie (MPEG-PS, longer audio).</li>
 * <li>{@link dev.vlsuite.shared.video.VideoFrame}: sample number, source frame index, timestamp and a
 *     {@link dev.vlsuite.shared.image.DecodedImage} (RGB, owned by the receiver: the grabber's reused buffers
 *     are copied, never aliased), upright (display-matrix rotation, or the legacy "rotate" tag, applied: a
 *     phone's portrait clip comes out portrait) with square pixels (pixel aspect ratio applied by swscale).
 *     It goes straight into {@link dev.vlsuite.shared.image.Preprocess}.</li>
 * <li>{@link dev.vlsuite.shared.video.BadVideoException}: one line "file: reason" and a
 *     {@link dev.vlsuite.shared.video.BadVideoException.Problem}: empty file, not a video, audio-only file, MP4
 *     whose index (moov) is missing, truncated before the first frame, no decoder. A file that breaks after
 *     some frames is not an error: the frames that decoded are delivered and
 *     {@link dev.vlsuite.shared.video.ReadSummary#truncated()} says so, with the count in its note.</li>
 * <li>{@link dev.vlsuite.shared.video.FfmpegLog}: FFmpeg's native log is silent unless a tool passes --verbose.</li>
 * </ul>
 *
 * <p>Speed on long files: frames are decoded in order, but when the next time-based sample lies more than 3 s
 * past the last decoded frame in an indexed container (MP4/MOV, Matroska/WebM) the reader seeks
 * ({@code setVideoTimestamp}, which lands on the frame on screen at that time: never JavaCV's off-by-one
 * {@code setFrameNumber}), so 32 samples of a long file cost about 32 key-frame intervals of decoding. After a
 * seek {@link dev.vlsuite.shared.video.VideoFrame#frameIndex()} is estimated from the timestamp. A test checks
 * that seeking and reading through give the same frames.
 *
 * <p>Limits: mirrored display matrices are treated as their rotation only; MPEG-TS has no declared duration,
 * so a cut .ts file reads as a shorter, complete one; an MKV whose audio outlasts its video is flagged as
 * truncated (Matroska declares one duration for all streams); the bundled FFmpeg decodes HEVC but cannot
 * encode it, so HEVC is not among the codecs the tests write.
 */
package dev.vlsuite.shared.video;
