package dev.vlsuite.video.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.VideoDatasetWriter;
import dev.vlsuite.assets.video.ClipEncoder;
import dev.vlsuite.assets.video.ClipGenerator;
import dev.vlsuite.shared.picture.TileSheet;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code video frames} writes what the model saw; {@code video features} fills the cache that {@code video train} reads. */
class FramesAndFeaturesTest {
    @TempDir Path tmp;

    private Path clips() throws Exception {
        Path data = tmp.resolve("clips");
        VideoDatasetWriter.write(data, ClipGenerator.generate(4, 6, new ClipGenerator.Options(48, 8, 8, 1)), new Splits(0.5, 0.5, 0),
                ClipEncoder.Codec.MPEG4, VideoDatasetWriter.Layout.MSRVTT, () -> {});
        return data;
    }

    @Test
    void framesWritesTheSampledFramesAndOneLabelledContactSheet() throws Exception {
        Path video = clips().resolve("videos").resolve("video0.mp4");
        Path out = tmp.resolve("seen");
        ToolRun r = ToolRun.of("frames", video.toString(), "--frames", "4", "--tile", "40", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<Path> pngs;
        try (Stream<Path> s = Files.list(out)) {
            pngs = s.filter(p -> p.getFileName().toString().startsWith("frame-")).sorted().toList();
        }
        assertEquals(List.of("frame-000.png", "frame-001.png", "frame-002.png", "frame-003.png"),
                pngs.stream().map(p -> p.getFileName().toString()).toList());
        BufferedImage first = ImageIO.read(pngs.get(0).toFile());
        assertEquals(48, first.getWidth());
        assertEquals(48, first.getHeight());
        // the shape moves: the first and last sampled frames differ
        BufferedImage last = ImageIO.read(pngs.get(3).toFile());
        int differing = 0;
        for (int y = 0; y < 48; y++) for (int x = 0; x < 48; x++) if (first.getRGB(x, y) != last.getRGB(x, y)) differing++;
        assertTrue(differing > 20, "first and last frame differ in " + differing + " pixels");
        BufferedImage sheet = ImageIO.read(out.resolve("sheet.png").toFile());
        Dimension d = TileSheet.size(4, 40, 8);
        assertEquals(d.width, sheet.getWidth());
        assertEquals(d.height, sheet.getHeight());
        assertTrue(r.out().contains("wrote 4 frames"), r.out());

        // --fps as 'caption': 8 frames at 8 fps are 1 s, so 2 per second gives 2 frames
        ToolRun fps = ToolRun.of("frames", video.toString(), "--fps", "2", "--tile", "40", "--out", tmp.resolve("fps").toString());
        assertEquals(0, fps.exit(), fps.err());
        assertTrue(fps.out().contains("wrote 2 frames"), fps.out());

        Path bad = Files.writeString(tmp.resolve("notes.mp4"), "hello");
        ToolRun refused = ToolRun.of("frames", bad.toString(), "--frames", "4", "--tile", "40", "--out", tmp.resolve("bad").toString());
        assertEquals(1, refused.exit(), refused.err());
        assertEquals(1, refused.errLines().size(), refused.err());
        assertTrue(refused.errLines().get(0).startsWith(bad + ": not a video"), refused.err());
    }

    @Test
    void featuresFillTheCacheThatTrainReads() throws Exception {
        Path data = clips();
        Path cache = tmp.resolve("cache");
        Path bad = Files.writeString(tmp.resolve("empty.mp4"), "");
        ToolRun first = ToolRun.of("features", "--data", data.resolve("videodatainfo.json").toString(), bad.toString(),
                "--out", cache.toString(), "--frames", "4", "--image-size", "64", "--device", "cpu");
        assertEquals(1, first.exit(), first.err());
        assertEquals(1, first.errLines().size(), first.err());
        assertTrue(first.errLines().get(0).startsWith(bad + ": "), first.err());
        assertTrue(first.out().contains("6 videos extracted, 0 already cached, 1 failed"), first.out());
        List<Path> cached = files(cache);
        assertEquals(6, cached.size(), cached.toString());

        ToolRun again = ToolRun.of("features", data.resolve("videos").toString(), "--cache", cache.toString(), "--frames", "4",
                "--image-size", "64", "--device", "cpu");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("0 videos extracted, 6 already cached"), again.out());

        // train with the same backbone, side and frames reads them: nothing new is extracted
        long[] times = cached.stream().mapToLong(p -> p.toFile().lastModified()).toArray();
        ToolRun train = ToolRun.of("train", "--data", data.resolve("videodatainfo.json").toString(), "--cache", cache.toString(),
                "--frames", "4", "--image-size", "64", "--proj", "8", "--embed", "8", "--hidden", "8", "--epochs", "1", "--batch", "4",
                "--out", tmp.resolve("m.vlm").toString(), "--device", "cpu");
        assertEquals(0, train.exit(), train.err());
        assertEquals(cached, files(cache));
        assertTrue(java.util.Arrays.equals(times, files(cache).stream().mapToLong(p -> p.toFile().lastModified()).toArray()));

        // another frame count is another cache entry
        ToolRun other = ToolRun.of("features", data.resolve("videos").toString(), "--out", cache.toString(), "--frames", "2",
                "--image-size", "64", "--device", "cpu");
        assertEquals(0, other.exit(), other.err());
        assertTrue(other.out().contains("6 videos extracted"), other.out());
        assertEquals(12, files(cache).size());
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
