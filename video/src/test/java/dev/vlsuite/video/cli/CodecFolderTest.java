package dev.vlsuite.video.cli;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code video caption} (built-in model) on a folder of clips of every codec class the bundled FFmpeg encodes here,
 * plus the bad files users have: each bad one gets one stderr line naming it and a record with an error, every other
 * clip is captioned, exit 1; a truncated file (MP4 with its index first, and AVI) that still decoded frames is captioned,
 * and its record says it was truncated and how many frames decoded.
 */
class CodecFolderTest {
    private static final int W = 80, H = 64, FRAMES = 16;

    /** encoder, container, extension, pixel format */
    private record Codec(String encoder, String container, String extension, int pixelFormat) {}

    private static final List<Codec> CODECS = List.of(
            new Codec("mpeg4", "mp4", "mp4", avutil.AV_PIX_FMT_YUV420P),
            new Codec("libopenh264", "mp4", "mp4", avutil.AV_PIX_FMT_YUV420P),
            new Codec("libvpx", "webm", "webm", avutil.AV_PIX_FMT_YUV420P),
            new Codec("libvpx-vp9", "webm", "webm", avutil.AV_PIX_FMT_YUV420P),
            new Codec("libaom-av1", "matroska", "mkv", avutil.AV_PIX_FMT_YUV420P),
            new Codec("mjpeg", "avi", "avi", avutil.AV_PIX_FMT_YUVJ420P),
            new Codec("mpeg2video", "mpeg", "mpg", avutil.AV_PIX_FMT_YUV420P),
            new Codec("gif", "gif", "gif", avutil.AV_PIX_FMT_GRAY8));

    @TempDir static Path tmp;
    static Path folder;
    static Set<Path> good = new LinkedHashSet<>();
    static Map<Path, String> bad = new LinkedHashMap<>();
    static Path cutMp4, cutAvi, gif;

    @BeforeAll
    static void writeClips() throws Exception {
        System.setProperty("vlsuite.cache", tmp.resolve("cache").toString()); // the built-in model is extracted here
        folder = Files.createDirectories(tmp.resolve("clips"));
        for (Codec c : CODECS) {
            Path file = folder.resolve(c.encoder() + "." + c.extension());
            write(file, c, r -> {});
            if (c.extension().equals("gif")) gif = file; // not a video extension: given by name, not found in the folder
            else good.add(file);
        }
        good.add(writeWithAudio(folder.resolve("with-sound.mp4")));

        bad.put(Files.write(folder.resolve("empty.mp4"), new byte[0]), "empty file");
        bad.put(Files.writeString(folder.resolve("notes.mp4"), "this is not a video\n".repeat(40)), "not a video");
        bad.put(writeAudioOnly(folder.resolve("song.mp4")), "audio-only file");
        Path full = write(tmp.resolve("full.mp4"), CODECS.get(0), r -> {});
        byte[] bytes = Files.readAllBytes(full);
        bad.put(Files.write(folder.resolve("unfinished.mp4"), Arrays.copyOf(bytes, indexOf(bytes, "moov") - 4)), "moov");

        Path fast = write(tmp.resolve("fast.mp4"), CODECS.get(0), r -> r.setOption("movflags", "faststart"));
        byte[] fastBytes = Files.readAllBytes(fast);
        cutMp4 = Files.write(folder.resolve("cut.mp4"), Arrays.copyOf(fastBytes, fastBytes.length / 2));
        Path avi = write(tmp.resolve("whole.avi"), CODECS.get(5), r -> {});
        byte[] aviBytes = Files.readAllBytes(avi);
        cutAvi = Files.write(folder.resolve("cut.avi"), Arrays.copyOf(aviBytes, aviBytes.length / 2));
    }

    @AfterAll
    static void forgetCache() {
        System.clearProperty("vlsuite.cache");
    }

    @Test
    void everyCodecIsCaptionedAndEachBadFileGetsOneLine() throws Exception {
        ToolRun r = ToolRun.of("caption", folder.toString(), gif.toString(), "--format", "json", "--threads", "1", "--device", "cpu");
        assertEquals(1, r.exit(), r.err());
        Map<String, JsonNode> records = new LinkedHashMap<>();
        for (JsonNode rec : Json.MAPPER.readTree(r.out())) records.put(rec.get("file").asText(), rec);
        assertEquals(good.size() + 1 + bad.size() + 2, records.size(), r.out());

        Set<Path> captioned = new LinkedHashSet<>(good);
        captioned.add(gif);
        for (Path p : captioned) {
            JsonNode rec = records.get(p.toString());
            assertTrue(rec != null && !rec.hasNonNull("error"), p + ": " + rec);
            assertFalse(rec.get("caption").asText().isBlank(), p + ": " + rec);
            assertEquals(8, rec.get("frames").asInt(), p + " is read with the model's 8 frames: " + rec);
            assertFalse(rec.hasNonNull("note") && !rec.get("note").asText().isEmpty(), p + " is not truncated: " + rec);
        }
        List<String> lines = r.errLines();
        // the first line says the built-in model is used; then one line per bad or truncated file
        assertTrue(lines.get(0).startsWith("video: no --model given: using the built-in default model"), r.err());
        assertEquals(1 + bad.size() + 2, lines.size(), r.err());
        for (Map.Entry<Path, String> b : bad.entrySet()) {
            JsonNode rec = records.get(b.getKey().toString());
            assertTrue(rec.hasNonNull("error") && rec.get("error").asText().contains(b.getValue()), b.getKey() + ": " + rec);
            assertEquals(1, lines.stream().filter(l -> l.startsWith(b.getKey() + ": ") && l.contains(b.getValue())).count(),
                    b.getKey() + " in " + r.err());
        }
        for (Path cut : List.of(cutMp4, cutAvi)) {
            JsonNode rec = records.get(cut.toString());
            assertTrue(rec != null && !rec.hasNonNull("error"), cut + " is captioned from what decoded: " + rec);
            String note = rec.get("note").asText();
            assertTrue(note.startsWith("truncated") && note.matches(".*\\b\\d+ frames decoded.*"), cut + ": " + note);
            assertTrue(rec.get("frames").asInt() >= 1, cut + ": " + rec);
            assertEquals(1, lines.stream().filter(l -> l.startsWith(cut + ": truncated") && l.contains("captioned what decoded")).count(),
                    cut + " in " + r.err());
        }
    }

    private static Path write(Path file, Codec codec, Consumer<FFmpegFrameRecorder> setup) throws Exception {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), W, H, 0);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            r.setFormat(codec.container());
            r.setVideoCodecName(codec.encoder());
            r.setPixelFormat(codec.pixelFormat());
            r.setFrameRate(8);
            r.setGopSize(8);
            r.setVideoBitrate(1_000_000);
            setup.accept(r);
            r.start();
            for (int i = 0; i < FRAMES; i++) {
                try (Mat m = frame(i)) {
                    r.record(conv.convert(m));
                }
            }
            r.stop();
        }
        return file;
    }

    /** A grey frame with a red disc moving left to right. */
    private static Mat frame(int i) {
        Mat m = new Mat(H, W, CV_8UC3, new Scalar(90, 90, 90, 0));
        opencv_imgproc.circle(m, new Point(12 + i * (W - 24) / FRAMES, H / 2), 9, new Scalar(0, 0, 230, 0), -1, opencv_imgproc.LINE_8, 0);
        return m;
    }

    private static Path writeWithAudio(Path file) throws Exception {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), W, H, 1);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            r.setFormat("mp4");
            r.setVideoCodecName("mpeg4");
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.setFrameRate(8);
            r.setSampleRate(8000);
            r.setAudioCodecName("aac");
            r.start();
            for (int i = 0; i < FRAMES; i++) {
                try (Mat m = frame(i)) {
                    r.record(conv.convert(m));
                }
                r.recordSamples(8000, 1, ShortBuffer.wrap(new short[1000]));
            }
            r.stop();
        }
        return file;
    }

    private static Path writeAudioOnly(Path file) throws Exception {
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

    private static int indexOf(byte[] hay, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + n.length <= hay.length; i++) {
            for (int j = 0; j < n.length; j++) if (hay[i + j] != n[j]) continue outer;
            return i;
        }
        throw new AssertionError("no " + needle + " box");
    }
}
