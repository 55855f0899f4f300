package dev.vlsuite.assets.video;

import dev.vlsuite.assets.world.SceneRenderer;
import dev.vlsuite.shared.video.FfmpegLog;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes a clip as a real video file with the bundled FFmpeg (LGPL build: H.264 through libopenh264,
 * or MPEG-4 Part 2), atomically: a temp file in the same folder, renamed when complete.
 */
public final class ClipEncoder {
    /** Video codecs the clips are written with; both decode everywhere. */
    public enum Codec {
        H264("libopenh264"),
        MPEG4("mpeg4");

        private final String ffmpegName;

        Codec(String ffmpegName) {
            this.ffmpegName = ffmpegName;
        }

        public String ffmpegName() {
            return ffmpegName;
        }

        /** @throws IllegalArgumentException for a name that is neither "h264" nor "mpeg4" */
        public static Codec parse(String name) {
            return switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "h264", "avc", "libopenh264" -> H264;
                case "mpeg4", "mp4v", "xvid" -> MPEG4;
                default -> throw new IllegalArgumentException("--codec must be h264 or mpeg4: " + name);
            };
        }
    }

    private ClipEncoder() {}

    /**
     * @param container FFmpeg muxer name: "mp4" (MSR-VTT's files) or "avi" (MSVD's)
     */
    public static void write(Clip clip, Path file, Codec codec, String container) throws IOException {
        FfmpegLog.ensureApplied();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String name = file.getFileName().toString();
        Path tmp = dir.resolve("." + name + ".part" + name.substring(name.lastIndexOf('.'))); // FFmpeg wants a real extension
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), clip.canvas(), clip.canvas(), 0);
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.setFormat(container);
            rec.setVideoCodecName(codec.ffmpegName());
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(clip.fps());
            // libopenh264 leaves slow changes (a shape growing by a pixel per frame) stale in its P-frames for a whole
            // GOP (measured: a growing star kept its size for 11 frames at GOP 12, at any bitrate), so H.264 clips are
            // all key frames (about 13 KB for 36 frames at 112 px); MPEG-4 tracks them with a key frame every second
            rec.setGopSize(codec == Codec.H264 ? 1 : (int) Math.max(1, Math.round(clip.fps())));
            rec.setVideoBitrate(bitrate(clip));
            rec.setVideoOption("threads", "1"); // same bytes on every machine
            rec.start();
            BufferedImage bgr = new BufferedImage(clip.canvas(), clip.canvas(), BufferedImage.TYPE_3BYTE_BGR);
            for (int f = 0; f < clip.frames(); f++) {
                Graphics2D g = bgr.createGraphics();
                try {
                    g.drawImage(SceneRenderer.render(clip.frame(f), clip.canvas()), 0, 0, null);
                } finally {
                    g.dispose();
                }
                rec.record(conv.convert(bgr));
            }
            rec.stop();
        } catch (FFmpegFrameRecorder.Exception e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot encode " + file + " with " + codec.ffmpegName() + ": " + e.getMessage(), e);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** About 0.1 bit per pixel per frame: small files whose shapes stay crisp. */
    private static int bitrate(Clip clip) {
        return (int) Math.max(100_000, Math.min(4_000_000, 0.1 * clip.canvas() * clip.canvas() * clip.fps() * 4));
    }
}
