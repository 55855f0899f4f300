package dev.vlsuite.shared.video;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Frames decoded and sampled per second by {@link FrameReader}, per codec the bundled FFmpeg encodes
 * ({@link TestClips#ENCODABLE}): each codec gets one 320x240 clip of 300 frames at 30 fps (10 s) of moving noise
 * (so the decoder has real work, unlike the tests' flat grey clips), read with {@code Sampling.Evenly(32)} (what
 * {@code video caption} does; every frame is decoded, 32 are converted and delivered) and {@code EveryKth(1)}.
 * A main, not a test:
 * <pre>
 *   java -cp ... [-Dframes=300] dev.vlsuite.shared.video.FrameDecodeBenchmark [repeats] [codec,codec...]
 * </pre>
 * The optional codec list (encoder names, e.g. {@code libaom-av1,mjpeg,mpeg2video,gif}) runs those only; a shorter
 * clip ({@code -Dframes}) lets libaom's slow AV1 encoder finish on a loaded machine (rates are per second).
 */
public final class FrameDecodeBenchmark {
    static final int W = 320, H = 240, FRAMES = Integer.getInteger("frames", 300);

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("decode-bench");
        FrameReader reader = new FrameReader();
        List<String> only = args.length > 1 ? List.of(args[1].split(",")) : List.of();
        for (TestClips.Codec codec : TestClips.ENCODABLE) {
            if (!only.isEmpty() && !only.contains(codec.name())) continue;
            Path clip = dir.resolve("clip-" + codec.name() + "." + codec.extension());
            try {
                encode(clip, codec);
            } catch (Exception e) {
                System.out.printf("%-12s cannot encode here: %s%n", codec.name(), e.getMessage());
                continue;
            }
            for (Sampling sampling : List.of(new Sampling.Evenly(32), new Sampling.EveryKth(1))) {
                List<Double> seconds = new ArrayList<>();
                ReadSummary last = null;
                for (int i = 0; i <= repeats; i++) {  // the first read warms the decoder up and is not counted
                    int[] delivered = {0};
                    long t0 = System.nanoTime();
                    last = reader.read(clip, sampling, f -> delivered[0]++);
                    if (i > 0) seconds.add((System.nanoTime() - t0) / 1e9);
                }
                Collections.sort(seconds);
                double s = seconds.get(seconds.size() / 2);
                System.out.printf("%-12s %-8s %dx%d: %.0f frames decoded/s, %.0f samples/s (%d decoded, %d sampled, median %.3f s of %d)%n",
                        codec.decodedAs(), sampling.key(), W, H, last.framesDecoded() / s, last.samples() / s,
                        last.framesDecoded(), last.samples(), s, repeats);
            }
        }
    }

    private static void encode(Path file, TestClips.Codec codec) throws Exception {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), W, H, 0);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
             Mat noise = new Mat(H * 2, W * 2, CV_8UC3)) {
            r.setFormat(codec.container());
            r.setVideoCodecName(codec.name());
            r.setPixelFormat(codec.pixelFormat());
            r.setFrameRate(30);
            r.setGopSize(30);
            r.setVideoBitrate(1_000_000);
            r.start();
            byte[] pixels = new byte[H * 2 * W * 2 * 3];
            new java.util.Random(1).nextBytes(pixels);
            noise.data().put(pixels);
            for (int i = 0; i < FRAMES; i++) {  // a window panning over a fixed noise image: motion the codecs can predict
                int x = i % W, y = (i / 2) % H;
                try (Mat view = new Mat(noise, new org.bytedeco.opencv.opencv_core.Rect(x, y, W, H)); Mat m = view.clone()) {
                    r.record(conv.convert(m));
                }
            }
            r.stop();
        }
    }
}
