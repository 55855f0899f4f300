package dev.vlsuite.shared.video;

import java.nio.file.Path;

/**
 * What the reader learned about a video when it opened it.
 *
 * @param file             the file
 * @param container        FFmpeg's demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
 * @param codec            video codec name, e.g. "h264", "vp9"
 * @param codedWidth       stored frame width in pixels
 * @param codedHeight      stored frame height in pixels
 * @param width            delivered frame width: square pixels, rotation applied, after any downscaling
 * @param height           delivered frame height
 * @param rotation         clockwise degrees applied to make frames upright (0, 90, 180, 270)
 * @param pixelAspectRatio sample aspect ratio of the stored pixels (1 for square pixels)
 * @param frameRate        the stream's nominal frame rate (average for variable-rate files)
 * @param durationMicros   container duration, or -1 when unknown
 * @param hasAudio         whether the file also holds an audio track
 */
public record VideoInfo(Path file, String container, String codec, int codedWidth, int codedHeight, int width, int height,
                        int rotation, double pixelAspectRatio, double frameRate, long durationMicros, boolean hasAudio) {}
