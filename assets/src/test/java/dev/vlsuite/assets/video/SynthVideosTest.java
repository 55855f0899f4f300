package dev.vlsuite.assets.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.VideoDatasetWriter;
import dev.vlsuite.assets.language.Caption;
import dev.vlsuite.assets.language.MotionCaptions;
import dev.vlsuite.assets.world.ShapeColour;
import dev.vlsuite.shared.image.DecodedImage;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.video.FrameReader;
import dev.vlsuite.shared.video.ReadSummary;
import dev.vlsuite.shared.video.Sampling;
import dev.vlsuite.shared.video.VideoFrame;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes a small synthetic video dataset once and reads it back through the shared frame reader. */
class SynthVideosTest {
    static final ClipGenerator.Options OPTIONS = new ClipGenerator.Options(64, 12, 12, 2);
    static final int COUNT = 24;

    @TempDir
    static Path dir;
    static List<Clip> clips;

    @BeforeAll
    static void writeDataset() throws Exception {
        clips = ClipGenerator.generate(5, COUNT, OPTIONS);
        VideoDatasetWriter.write(dir, clips, Splits.DEFAULT, ClipEncoder.Codec.MPEG4, VideoDatasetWriter.Layout.BOTH, () -> {});
    }

    @Test
    void h264ClipsShowTheMotionToo(@TempDir Path h264) throws Exception {
        // one clip of each motion from the dataset above, re-encoded with libopenh264
        List<Clip> sample = new ArrayList<>();
        Set<Motion> have = EnumSet.noneOf(Motion.class);
        for (Clip c : clips) if (have.add(c.objects().get(0).motion())) sample.add(c);
        VideoDatasetWriter.write(h264, sample, Splits.DEFAULT, ClipEncoder.Codec.H264, VideoDatasetWriter.Layout.MSRVTT, () -> {});
        for (Clip c : sample) {
            Path file = h264.resolve(VideoDatasetWriter.msrvttFile(c));
            List<VideoFrame> frames = new ArrayList<>();
            ReadSummary s = new FrameReader().read(file, Sampling.evenly(6), frames::add);
            assertTrue(s.info().codec().contains("h264"), s.info().codec());
            for (MovingObject o : c.objects()) assertVisible(o, frames.get(0).image(), frames.get(5).image(), file.toString());
        }
    }

    @Test
    void everyMotionOccursAndIsVisibleInTheDecodedVideo() throws Exception {
        Set<Motion> seen = EnumSet.noneOf(Motion.class);
        FrameReader reader = new FrameReader();
        for (Clip c : clips) {
            for (String rel : List.of(VideoDatasetWriter.msrvttFile(c), VideoDatasetWriter.msvdFile(c))) {
                List<VideoFrame> frames = new ArrayList<>();
                ReadSummary s = reader.read(dir.resolve(rel), Sampling.evenly(6), frames::add);
                assertEquals(6, frames.size(), rel);
                assertEquals(c.frames(), s.framesDecoded(), rel + " decodes every frame");
                DecodedImage first = frames.get(0).image(), last = frames.get(5).image();
                for (MovingObject o : c.objects()) {
                    assertVisible(o, first, last, rel);
                    seen.add(o.motion());
                }
            }
        }
        assertEquals(EnumSet.allOf(Motion.class), seen, "the test set should exercise every motion");
    }

    /** The shape's centroid moves the right way, its area grows or shrinks, or its colour changes. */
    static void assertVisible(MovingObject o, DecodedImage first, DecodedImage last, String where) {
        String what = where + ": " + o.start().describe() + " " + o.motion().label();
        Blob a = Blob.of(first, o.colour().rgb()), b = Blob.of(last, o.endColour().rgb());
        assertTrue(a.area > 20 && b.area > 20, what + ": shape visible in the first and last sampled frames (" + a.area + ", " + b.area + ")");
        double travel = 0.25 * first.width(); // the ground truth moves 0.44 of the canvas; sampled frames see most of it
        switch (o.motion()) {
            case LEFT -> assertTrue(b.cx < a.cx - travel, what + ": x " + a.cx + " -> " + b.cx);
            case RIGHT -> assertTrue(b.cx > a.cx + travel, what + ": x " + a.cx + " -> " + b.cx);
            case UP -> assertTrue(b.cy < a.cy - travel, what + ": y " + a.cy + " -> " + b.cy);
            case DOWN -> assertTrue(b.cy > a.cy + travel, what + ": y " + a.cy + " -> " + b.cy);
            case GROW -> assertTrue(b.area > 1.8 * a.area, what + ": area " + a.area + " -> " + b.area);
            case SHRINK -> assertTrue(b.area < 0.6 * a.area, what + ": area " + a.area + " -> " + b.area);
            case RECOLOUR -> {
                assertTrue(Blob.of(last, o.colour().rgb()).area < 0.1 * a.area, what + ": old colour gone at the end");
                assertTrue(Blob.of(first, o.endColour().rgb()).area < 0.1 * b.area, what + ": new colour absent at the start");
            }
        }
        if (!o.motion().moves()) assertTrue(Math.abs(b.cx - a.cx) < 3 && Math.abs(b.cy - a.cy) < 3, what + ": stays in place");
    }

    /** Pixels within a colour distance of the shape's colour: count and centroid. */
    record Blob(int area, double cx, double cy) {
        static Blob of(DecodedImage img, Color c) {
            int n = 0;
            double sx = 0, sy = 0;
            for (int y = 0; y < img.height(); y++)
                for (int x = 0; x < img.width(); x++) {
                    int d = Math.max(Math.abs(img.at(y, x, 0) - c.getRed()),
                            Math.max(Math.abs(img.at(y, x, 1) - c.getGreen()), Math.abs(img.at(y, x, 2) - c.getBlue())));
                    if (d < 50) {
                        n++;
                        sx += x;
                        sy += y;
                    }
                }
            return n == 0 ? new Blob(0, -1, -1) : new Blob(n, sx / n, sy / n);
        }
    }

    @Test
    void datasetFilesFollowTheMsrVttAndMsvdLayouts() throws Exception {
        JsonNode msrvtt = Json.MAPPER.readTree(dir.resolve(VideoDatasetWriter.MSRVTT_JSON).toFile());
        assertEquals(COUNT, msrvtt.get("videos").size());
        assertEquals(COUNT * MotionCaptions.CAPTIONS_PER_CLIP, msrvtt.get("sentences").size());
        Set<String> splits = new HashSet<>();
        for (JsonNode v : msrvtt.get("videos")) {
            splits.add(v.get("split").asText());
            assertTrue(Files.isRegularFile(dir.resolve("videos").resolve(v.get("video_id").asText() + ".mp4")));
            assertTrue(v.has("start time") && v.has("end time") && v.has("id"));
        }
        assertEquals(Set.of("train", "validate", "test"), splits);
        JsonNode s0 = msrvtt.get("sentences").get(0);
        assertEquals("video0", s0.get("video_id").asText());
        assertEquals(0, s0.get("sen_id").asInt());
        assertEquals(s0.get("caption").asText().toLowerCase(), s0.get("caption").asText());

        List<String> csv = Files.readAllLines(dir.resolve(VideoDatasetWriter.MSVD_CSV));
        assertEquals("VideoID,Start,End,WorkerID,Source,AnnotationTime,Language,Description", csv.get(0));
        assertEquals(1 + COUNT * MotionCaptions.CAPTIONS_PER_CLIP, csv.size());
        for (String row : csv.subList(1, csv.size())) {
            String[] f = row.split(",", 8);
            assertEquals("English", f[6]);
            assertTrue(Files.isRegularFile(dir.resolve("YouTubeClips").resolve(f[0] + "_" + f[1] + "_" + f[2] + ".avi")), row);
        }

        JsonNode truth = Json.MAPPER.readTree(dir.resolve(VideoDatasetWriter.GROUND_TRUTH_JSON).toFile());
        JsonNode v0 = truth.get("videos").get(0);
        MovingObject o0 = clips.get(0).objects().get(0);
        assertEquals(o0.motion().label(), v0.get("objects").get(0).get("motion").asText());
        assertEquals(o0.endColour().word(), v0.get("objects").get(0).get("end").get("colour").asText());
        assertEquals(o0.endCx(), v0.get("objects").get(0).get("end").get("cx").asDouble(), 0.01);
    }

    @Test
    void captionsNameTheShapeAndWhatItDoes() {
        for (Clip c : clips) {
            List<Caption> caps = MotionCaptions.captions(c);
            assertTrue(caps.size() >= 5, "5 captions for clip " + c.id());
            assertEquals(caps.size(), new HashSet<>(caps.stream().map(Caption::tokens).toList()).size(), "distinct");
            String canonical = String.join(" ", caps.get(0).tokens());
            for (MovingObject o : c.objects()) {
                assertTrue(canonical.contains(o.start().describe()), canonical);
                String verb = String.join(" ", o.motion().phrases().get(0))
                        .replace("%s", o.endColour().word());
                assertTrue(canonical.contains(verb), canonical + " / " + verb);
            }
        }
        Clip left = clips.stream().filter(c -> c.objects().get(0).motion() == Motion.LEFT).findFirst().orElseThrow();
        MovingObject o = left.objects().get(0);
        assertTrue(String.join(" ", MotionCaptions.captions(left).get(0).tokens())
                .startsWith("a " + o.size().word() + " " + o.colour().word() + " " + o.kind().word() + " moves to the left"));
    }

    @Test
    void sameSeedSameClipsAndSameBytes(@TempDir Path other) throws Exception {
        List<Clip> again = ClipGenerator.generate(5, 3, OPTIONS);
        assertEquals(clips.subList(0, 3), again);
        VideoDatasetWriter.write(other, again, Splits.DEFAULT, ClipEncoder.Codec.MPEG4, VideoDatasetWriter.Layout.MSRVTT, () -> {});
        for (Clip c : again) {
            String rel = VideoDatasetWriter.msrvttFile(c);
            assertArrayEquals(Files.readAllBytes(dir.resolve(rel)), Files.readAllBytes(other.resolve(rel)), rel);
        }
        List<Clip> different = ClipGenerator.generate(6, 3, OPTIONS);
        assertTrue(!different.equals(again));
        assertTrue(ShapeColour.values().length >= 4); // two shapes, each with a start and a new colour, all distinct
    }
}
