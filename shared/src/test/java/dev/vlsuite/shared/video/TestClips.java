package dev.vlsuite.shared.video;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import dev.vlsuite.shared.image.DecodedImage;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Writes small test clips whose frame index is readable from the pixels: frame i is a flat grey of
 * level 8 + 5i (robust to every codec's rounding), so a sampled frame tells which frame it was.
 */
final class TestClips {
    static final int W = 64, H = 48;

    static {
        FfmpegLog.ensureApplied(); // the recorder prints its stream layout otherwise
    }

    private TestClips() {}

    /** A codec the bundled FFmpeg can encode, with the container and pixel format it needs. */
    record Codec(String name, String container, String extension, int pixelFormat, String decodedAs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Codec MPEG4 = new Codec("mpeg4", "mp4", "mp4", avutil.AV_PIX_FMT_YUV420P, "mpeg4");
    static final Codec[] ENCODABLE = {
        MPEG4,
        new Codec("libopenh264", "mp4", "mp4", avutil.AV_PIX_FMT_YUV420P, "h264"),
        new Codec("libvpx", "webm", "webm", avutil.AV_PIX_FMT_YUV420P, "vp8"),
        new Codec("libvpx-vp9", "webm", "webm", avutil.AV_PIX_FMT_YUV420P, "vp9"),
        new Codec("libaom-av1", "matroska", "mkv", avutil.AV_PIX_FMT_YUV420P, "av1"),
        new Codec("mjpeg", "avi", "avi", avutil.AV_PIX_FMT_YUVJ420P, "mjpeg"),
        new Codec("mpeg2video", "mpeg", "mpg", avutil.AV_PIX_FMT_YUV420P, "mpeg2video"),
        new Codec("gif", "gif", "gif", avutil.AV_PIX_FMT_GRAY8, "gif"),
    };

    static int level(int frame) {
        return 8 + 5 * frame;
    }

    /** The frame index a delivered image shows (mean grey of its centre). */
    static int frameShown(DecodedImage img) {
        long sum = 0;
        int n = 0;
        for (int y = img.height() / 4; y < 3 * img.height() / 4; y++)
            for (int x = img.width() / 4; x < 3 * img.width() / 4; x++) {
                sum += img.at(y, x, 1);
                n++;
            }
        return (int) Math.round(((double) sum / n - 8) / 5);
    }

    static Path write(Path file, Codec codec, int frames, double fps) throws Exception {
        return write(file, codec, W, H, frames, fps, null, r -> {});
    }

    /**
     * @param timestamps per-frame presentation times in microseconds (variable frame rate), or null
     * @param setup      extra recorder settings (rotation, aspect ratio, options)
     */
    static Path write(Path file, Codec codec, int w, int h, int frames, double fps, long[] timestamps,
                      Consumer<FFmpegFrameRecorder> setup) throws Exception {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), w, h, 0);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            r.setFormat(codec.container());
            r.setVideoCodecName(codec.name());
            r.setPixelFormat(codec.pixelFormat());
            r.setFrameRate(fps);
            r.setGopSize(12);
            r.setVideoBitrate(2_000_000); // plenty for 64x48: grey levels survive every codec
            setup.accept(r);
            r.start();
            for (int i = 0; i < frames; i++) {
                int v = level(i);
                try (Mat m = new Mat(h, w, CV_8UC3, new Scalar(v, v, v, 0))) {
                    if (timestamps != null) r.setTimestamp(timestamps[i]);
                    r.record(conv.convert(m));
                }
            }
            r.stop();
        }
        return file;
    }

    /** An MPEG-4 clip with a silent AAC track. */
    static Path writeWithAudio(Path file, int frames, double fps) throws Exception {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), W, H, 1);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            r.setFormat("mp4");
            r.setVideoCodecName("mpeg4");
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.setFrameRate(fps);
            r.setVideoQuality(2);
            r.setSampleRate(8000);
            r.setAudioCodecName("aac");
            r.start();
            int samplesPerFrame = (int) Math.round(8000 / fps);
            for (int i = 0; i < frames; i++) {
                int v = level(i);
                try (Mat m = new Mat(H, W, CV_8UC3, new Scalar(v, v, v, 0))) {
                    r.record(conv.convert(m));
                }
                r.recordSamples(8000, 1, ShortBuffer.wrap(new short[samplesPerFrame]));
            }
            r.stop();
        }
        return file;
    }

    /** One second of AAC sound and no video. */
    static Path writeAudioOnly(Path file) throws Exception {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), 1)) {
            r.setFormat("mp4");
            r.setSampleRate(8000);
            r.setAudioCodecName("aac");
            r.start();
            short[] s = new short[8000];
            for (int i = 0; i < s.length; i++) s[i] = (short) (1000 * Math.sin(i * 0.1));
            r.recordSamples(8000, 1, ShortBuffer.wrap(s));
            r.stop();
        }
        return file;
    }

    /** A landscape clip with a white block in the stored top-left corner, for orientation tests. */
    static Path writeMarked(Path file, int frames, Consumer<FFmpegFrameRecorder> setup) throws Exception {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), W, H, 0);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            r.setFormat("mp4");
            r.setVideoCodecName("mpeg4");
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.setFrameRate(12);
            r.setVideoQuality(2);
            setup.accept(r);
            r.start();
            for (int i = 0; i < frames; i++) {
                try (Mat m = new Mat(H, W, CV_8UC3, new Scalar(20, 20, 20, 0));
                     Mat corner = new Mat(m, new Rect(0, 0, W / 4, H / 4))) {
                    corner.put(new Scalar(240, 240, 240, 0));
                    r.record(conv.convert(m));
                }
            }
            r.stop();
        }
        return file;
    }

    /** Frame i of a long clip: left half grey 8 + 5 (i % 40), right half 8 + 5 (i / 40); up to 1,600 frames. */
    static Path writeLong(Path file, Codec codec, int frames, double fps, int gop) throws Exception {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), W, H, 0);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            r.setFormat(codec.container());
            r.setVideoCodecName(codec.name());
            r.setPixelFormat(codec.pixelFormat());
            r.setFrameRate(fps);
            r.setGopSize(gop);
            r.setVideoBitrate(2_000_000);
            r.start();
            for (int i = 0; i < frames; i++) {
                int lo = 8 + 5 * (i % 40), hi = 8 + 5 * (i / 40);
                try (Mat m = new Mat(H, W, CV_8UC3, new Scalar(lo, lo, lo, 0));
                     Mat right = new Mat(m, new Rect(W / 2, 0, W / 2, H))) {
                    right.put(new Scalar(hi, hi, hi, 0));
                    r.record(conv.convert(m));
                }
            }
            r.stop();
        }
        return file;
    }

    /** The frame index a frame of {@link #writeLong} shows. */
    static int longFrameShown(DecodedImage img) {
        return 40 * meanLevel(img, 3 * img.width() / 4) + meanLevel(img, img.width() / 4);
    }

    private static int meanLevel(DecodedImage img, int cx) {
        long sum = 0;
        int n = 0;
        for (int y = img.height() / 4; y < 3 * img.height() / 4; y++)
            for (int x = cx - img.width() / 8; x < cx + img.width() / 8; x++) {
                sum += img.at(y, x, 1);
                n++;
            }
        return (int) Math.round(((double) sum / n - 8) / 5);
    }
}
