package dev.vlsuite.shared.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.shared.image.DecodedImage;
import dev.vlsuite.shared.image.Preprocess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FrameReaderTest {
    @TempDir
    Path dir;

    private final FrameReader reader = new FrameReader();

    record Read(List<VideoFrame> frames, ReadSummary summary) {
        List<Integer> shown() {
            return frames.stream().map(f -> TestClips.frameShown(f.image())).toList();
        }
    }

    Read read(Path file, Sampling sampling) throws Exception {
        return read(reader, file, sampling);
    }

    static Read read(FrameReader r, Path file, Sampling sampling) throws Exception {
        List<VideoFrame> frames = new ArrayList<>();
        ReadSummary summary = r.read(file, sampling, frames::add);
        return new Read(frames, summary);
    }

    static Stream<TestClips.Codec> codecs() {
        return Stream.of(TestClips.ENCODABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void everyEncodableCodecGivesTheRightFrames(TestClips.Codec codec) throws Exception {
        Path clip = TestClips.write(dir.resolve("clip." + codec.extension()), codec, 24, 12);
        Read all = read(clip, Sampling.everyKth(1));
        int n = all.frames().size(); // some encoders (libaom, MPEG-2 in MPEG-PS) swallow the last frame at flush
        assertTrue(n == 24 || n == 23, codec + " wrote " + n + " frames");
        List<Integer> each = new ArrayList<>();
        for (int i = 0; i < n; i++) each.add(i);
        assertEquals(each, all.shown(), "every frame of " + codec + " in order");

        Read r = read(clip, Sampling.evenly(4));
        assertTrue(r.summary().info().codec().contains(codec.decodedAs()), r.summary().info().codec()); // AV1 reports its decoder
        List<Integer> want = new ArrayList<>();
        for (int k = 0; k < 4; k++) want.add((int) Math.floor((k + 0.5) * n / 4)); // 3, 9, 15, 21 for 24 frames
        assertEquals(want, r.shown(), "frames shown by " + codec);
        assertEquals(want, r.frames().stream().map(VideoFrame::frameIndex).toList());
        assertFalse(r.summary().truncated(), String.valueOf(r.summary().note()));
        assertEquals(TestClips.W, r.frames().get(0).image().width());
        assertEquals(TestClips.H, r.frames().get(0).image().height());
    }

    @Test
    void samplingModesPickFramesByTimeOrCount() throws Exception {
        Path clip = TestClips.write(dir.resolve("c.mp4"), TestClips.MPEG4, 48, 12);
        Read even = read(clip, Sampling.evenly(8));
        assertEquals(List.of(3, 9, 15, 21, 27, 33, 39, 45), even.shown());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), even.frames().stream().map(VideoFrame::sample).toList());
        assertEquals(8, even.summary().samples());

        Read dflt = read(clip, Sampling.DEFAULT);
        assertEquals(32, dflt.frames().size());
        List<Integer> want = new ArrayList<>();
        for (int k = 0; k < 32; k++) want.add((int) Math.floor((k + 0.5) * 48 / 32));
        assertEquals(want, dflt.shown());

        Read perSecond = read(clip, Sampling.fps(3));
        assertEquals(List.of(0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44), perSecond.shown());
        assertEquals(48, perSecond.summary().framesDecoded());
        long t4 = perSecond.frames().get(1).timestampMicros();
        assertTrue(Math.abs(t4 - 333_333) < 2_000, "frame 4 at 1/3 s, got " + t4);

        Read kth = read(clip, Sampling.everyKth(10));
        assertEquals(List.of(0, 10, 20, 30, 40), kth.shown());
    }

    @Test
    void longFilesSeekToDistantSamplesAndGetTheSameFramesAsReadingThrough() throws Exception {
        TestClips.Codec vp8 = TestClips.ENCODABLE[2];
        for (TestClips.Codec codec : List.of(TestClips.MPEG4, vp8)) {
            Path clip = TestClips.writeLong(dir.resolve("long." + codec.extension()), codec, 300, 10, 25); // 30 s
            FrameReader seeking = new FrameReader(0, FrameReader.DEFAULT_SEEK_GAP_MICROS);
            FrameReader through = new FrameReader(0, Long.MAX_VALUE);
            for (Sampling s : List.of(Sampling.evenly(6), Sampling.fps(0.25))) {
                Read a = read(seeking, clip, s), b = read(through, clip, s);
                List<Integer> shownA = a.frames().stream().map(f -> TestClips.longFrameShown(f.image())).toList();
                List<Integer> shownB = b.frames().stream().map(f -> TestClips.longFrameShown(f.image())).toList();
                List<Integer> want = s instanceof Sampling.Evenly ? List.of(25, 75, 125, 175, 225, 275) : List.of(0, 40, 80, 120, 160, 200, 240, 280);
                assertEquals(want, shownB, codec + " " + s.key() + " reading through");
                assertEquals(want, shownA, codec + " " + s.key() + " seeking");
                assertEquals(want, a.frames().stream().map(VideoFrame::frameIndex).toList(), "frame index estimated after a seek");
                assertTrue(a.summary().framesDecoded() < b.summary().framesDecoded() / 2,
                        "seeking decoded " + a.summary().framesDecoded() + " frames, reading through " + b.summary().framesDecoded());
                assertFalse(a.summary().truncated(), String.valueOf(a.summary().note()));
            }
        }
    }

    @Test
    void bFramesReorderedByTheDecoderComeOutInDisplayOrder() throws Exception {
        // B-frames: packets in decoding order, an edit list shifting presentation times in the MP4
        Path clip = TestClips.write(dir.resolve("bframes.mp4"), TestClips.MPEG4, TestClips.W, TestClips.H, 24, 12, null,
                r -> r.setVideoOption("bf", "2"));
        List<Integer> each = new ArrayList<>();
        for (int i = 0; i < 24; i++) each.add(i);
        assertEquals(each, read(clip, Sampling.everyKth(1)).shown());
        assertEquals(List.of(3, 9, 15, 21), read(clip, Sampling.evenly(4)).shown());
        assertEquals(List.of(0, 6, 12, 18), read(clip, Sampling.fps(2)).shown());
    }

    @Test
    void aClipWithAnAudioTrackReadsTheSame() throws Exception {
        Path clip = TestClips.writeWithAudio(dir.resolve("av.mp4"), 24, 12);
        Read r = read(clip, Sampling.evenly(4));
        assertTrue(r.summary().info().hasAudio());
        assertEquals(List.of(3, 9, 15, 21), r.shown());
    }

    @Test
    void aSingleFrameVideoGivesThatFrame() throws Exception {
        Path clip = TestClips.write(dir.resolve("one.mp4"), TestClips.MPEG4, 1, 12);
        Read r = read(clip, Sampling.evenly(3));
        assertEquals(List.of(0, 0, 0), r.shown());
        assertFalse(r.summary().truncated());
    }

    @Test
    void variableFrameRateIsSampledEvenlyInTime() throws Exception {
        long[] ts = {0, 41_667, 83_333, 125_000, 166_667, 208_333, 250_000, 291_667, 583_333, 833_333, 1_083_333, 1_333_333};
        Path clip = TestClips.write(dir.resolve("vfr.mp4"), TestClips.MPEG4, TestClips.W, TestClips.H, ts.length, 24, ts, r -> {});
        Read r = read(clip, Sampling.evenly(4));
        assertEquals(List.of(4, 7, 9, 10), r.shown()); // evenly by count would be 1, 4, 7, 10
        Read perSecond = read(clip, Sampling.fps(2));
        assertEquals(List.of(0, 7, 9, 11), perSecond.shown()); // 0, 0.5, 1.0 and 1.5 s... the last frame runs to 1.375 s
    }

    @Test
    void phoneRotationIsAppliedSoPortraitComesOutPortrait() throws Exception {
        // display matrix of -90 degrees (counter-clockwise) = the "rotate=90" a phone writes: turn clockwise
        assertMarker(TestClips.writeMarked(dir.resolve("r90.mp4"), 3, r -> r.setDisplayRotation(-90)), 90, false, true);
        assertMarker(TestClips.writeMarked(dir.resolve("r270.mp4"), 3, r -> r.setDisplayRotation(90)), 270, true, false);
        assertMarker(TestClips.writeMarked(dir.resolve("r180.mp4"), 3, r -> r.setDisplayRotation(180)), 180, true, true);
        assertMarker(TestClips.writeMarked(dir.resolve("r0.mp4"), 3, r -> {}), 0, false, false);
    }

    /** The white block, stored top-left, must appear in the corner the rotation takes it to. */
    private void assertMarker(Path clip, int rotation, boolean bottom, boolean right) throws Exception {
        Read r = read(clip, Sampling.evenly(1));
        DecodedImage img = r.frames().get(0).image();
        assertEquals(rotation, r.summary().info().rotation());
        boolean portrait = rotation % 180 != 0;
        assertEquals(portrait ? TestClips.H : TestClips.W, img.width(), "width after rotating " + rotation);
        assertEquals(portrait ? TestClips.W : TestClips.H, img.height());
        int y = bottom ? img.height() - 3 : 2, x = right ? img.width() - 3 : 2;
        int oy = bottom ? 2 : img.height() - 3, ox = right ? 2 : img.width() - 3;
        assertTrue(img.at(y, x, 0) > 200, "marker expected at " + (bottom ? "bottom" : "top") + (right ? " right" : " left") + " for " + rotation);
        assertTrue(img.at(oy, ox, 0) < 60, "opposite corner stays dark for " + rotation);
    }

    @Test
    void pixelAspectRatioIsHonouredAndFramesCanBeScaledDownWhileDecoding() throws Exception {
        Path wide = TestClips.write(dir.resolve("par.mp4"), TestClips.MPEG4, TestClips.W, TestClips.H, 6, 12, null, r -> r.setAspectRatio(2.0));
        Read r = read(wide, Sampling.evenly(2));
        assertEquals(2.0, r.summary().info().pixelAspectRatio(), 1e-6);
        assertEquals(2 * TestClips.W, r.frames().get(0).image().width());
        assertEquals(TestClips.H, r.frames().get(0).image().height());

        Path clip = TestClips.write(dir.resolve("small.mp4"), TestClips.MPEG4, 6, 12);
        Read small = read(new FrameReader(24), clip, Sampling.evenly(2));
        assertEquals(32, small.frames().get(0).image().width());
        assertEquals(24, small.frames().get(0).image().height());
        assertEquals(List.of(1, 4), small.shown());
    }

    @Test
    void framesFeedTheSharedImagePreprocess() throws Exception {
        Path clip = TestClips.write(dir.resolve("p.mp4"), TestClips.MPEG4, 6, 12);
        Read r = read(clip, Sampling.evenly(1));
        float[] chw = Preprocess.imagenet(32).toChw(r.frames().get(0).image());
        assertEquals(3 * 32 * 32, chw.length);
        float expected = ((TestClips.level(3) / 255f) - Preprocess.IMAGENET_MEAN[1]) / Preprocess.IMAGENET_STD[1];
        assertEquals(expected, chw[32 * 32 + 16 * 32 + 16], 0.05f); // green channel, centre pixel
    }

    @Test
    void emptyTextRandomAndMissingFilesAreRefusedByKind() throws Exception {
        Path empty = Files.write(dir.resolve("empty.mp4"), new byte[0]);
        Path text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video\n".repeat(50));
        byte[] noise = new byte[20_000];
        new java.util.Random(7).nextBytes(noise);
        Path random = Files.write(dir.resolve("noise.webm"), noise);
        assertBad(empty, BadVideoException.Problem.EMPTY_FILE, "empty file");
        assertBad(text, BadVideoException.Problem.NOT_A_VIDEO, "not a video");
        assertBad(random, BadVideoException.Problem.NOT_A_VIDEO, "not a video");
        assertBad(dir.resolve("absent.mp4"), BadVideoException.Problem.NO_SUCH_FILE, "no such file");
    }

    @Test
    void audioOnlyIsNamedAsSuch() throws Exception {
        Path m4a = TestClips.writeAudioOnly(dir.resolve("song.mp4"));
        assertBad(m4a, BadVideoException.Problem.AUDIO_ONLY, "audio-only file");
    }

    @Test
    void anMp4WithoutItsIndexIsNamedAsSuch() throws Exception {
        Path full = TestClips.write(dir.resolve("full.mp4"), TestClips.MPEG4, 24, 12); // moov is written last
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(dir.resolve("unfinished.mp4"), java.util.Arrays.copyOf(bytes, indexOf(bytes, "moov") - 4));
        assertBad(cut, BadVideoException.Problem.MISSING_INDEX, "moov");
        Path half = Files.write(dir.resolve("half-index.mp4"), java.util.Arrays.copyOf(bytes, indexOf(bytes, "moov") + 60));
        assertBad(half, BadVideoException.Problem.MISSING_INDEX, "moov");
    }

    @Test
    void aTruncatedFileGivesWhatDecodedAndSaysSo() throws Exception {
        Path full = TestClips.write(dir.resolve("fast.mp4"), TestClips.MPEG4, TestClips.W, TestClips.H, 48, 12, null,
                r -> r.setOption("movflags", "faststart")); // index first, so a cut file still opens
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        for (Sampling s : List.of(Sampling.evenly(4), Sampling.fps(4), Sampling.everyKth(2))) {
            Read r = read(cut, s);
            ReadSummary sum = r.summary();
            assertTrue(sum.truncated(), "truncation flagged for " + s);
            assertTrue(sum.framesDecoded() > 0 && sum.framesDecoded() < 48, "decoded " + sum.framesDecoded());
            assertTrue(sum.note().contains(sum.framesDecoded() + " frames decoded"), sum.note());
            assertFalse(r.frames().isEmpty());
            for (int i = 0; i < r.frames().size(); i++) assertTrue(r.shown().get(i) < sum.framesDecoded());
        }
        Path intact = read(full, Sampling.evenly(4)).summary().truncated() ? null : full;
        assertEquals(full, intact, "the uncut file is not flagged");

        // cut right after the header: nothing decodes
        int mdat = indexOf(bytes, "mdat");
        Path headerOnly = Files.write(dir.resolve("header.mp4"), java.util.Arrays.copyOf(bytes, mdat + 4));
        assertBad(headerOnly, BadVideoException.Problem.TRUNCATED, "truncated");
    }

    private static int indexOf(byte[] hay, String needle) {
        byte[] n = needle.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + n.length <= hay.length; i++) {
            for (int j = 0; j < n.length; j++) if (hay[i + j] != n[j]) continue outer;
            return i;
        }
        throw new AssertionError("no " + needle + " box");
    }

    private void assertBad(Path file, BadVideoException.Problem problem, String reasonPart) {
        BadVideoException e = org.junit.jupiter.api.Assertions.assertThrows(BadVideoException.class,
                () -> reader.read(file, Sampling.evenly(4), f -> {}));
        assertEquals(problem, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertTrue(e.reason().contains(reasonPart), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void memoryStaysFlatOnALong1080pClipWhenTheConsumerKeepsOnlySmallArrays() throws Exception {
        int frames = 48; // 48 x 1920x1080 RGB = 298 MB if the reader held them all
        Path clip = TestClips.write(dir.resolve("hd.mp4"), TestClips.MPEG4, 1920, 1080, frames, 30, null, r -> r.setVideoBitrate(400_000));
        Runtime rt = Runtime.getRuntime();
        long[] peak = {0};
        long base = usedAfterGc(rt);
        List<Integer> shown = new ArrayList<>();
        ReadSummary s = reader.read(clip, Sampling.everyKth(1), f -> {
            shown.add(TestClips.frameShown(f.image())); // keep one int per frame, drop the pixels
            if (f.sample() % 10 == 9) peak[0] = Math.max(peak[0], usedAfterGc(rt) - base);
        });
        assertEquals(frames, s.samples());
        assertEquals(0, shown.get(0));
        assertEquals(frames - 1, shown.get(frames - 1));
        // the reader holds one full frame (6 MB) and the frame being delivered; 100 MB leaves room for GC noise
        assertTrue(peak[0] < 100L << 20, "heap grew by " + (peak[0] >> 20) + " MB while reading");
    }

    private static long usedAfterGc(Runtime rt) {
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
