package dev.vlsuite.captioning.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.captioning.api.TestImages;
import dev.vlsuite.captioning.api.TestModels;
import dev.vlsuite.captioning.model.Arch;
import dev.vlsuite.captioning.picture.AttentionPicture;
import dev.vlsuite.shared.io.Json;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionToolTest {
    @TempDir static Path tmp;
    static Path images;
    static Path soft;
    /** Each good image's caption, captioned alone through the API: what every format must attach to that file. */
    static Map<Path, String> alone;

    @BeforeAll
    static void setUp() throws Exception {
        images = TestImages.writeAll(tmp.resolve("bad-folder"));
        soft = TestModels.write(tmp.resolve("soft.vlm"), Arch.SOFT);
        alone = TestModels.captionsOneByOne(soft, TestImages.GOOD.stream().map(images::resolve).toList());
        assertEquals(alone.size(), new java.util.HashSet<>(alone.values()).size(), "distinct captions per image: " + alone);
    }

    private static List<String> expectedErrorLines(Path dir) {
        List<String> lines = new ArrayList<>();
        TestImages.BAD.forEach((name, reason) -> lines.add(dir.resolve(name) + ": " + reason));
        return lines;
    }

    @Test
    void badFolderReportsEachBadFileOnceAndCaptionsTheRest() throws Exception {
        ToolRun r = ToolRun.of("run", "--model", soft.toString(), "--format", "json", "--beam", "2", "--batch", "3", images.toString());
        assertEquals(1, r.exit());
        assertEquals(expectedErrorLines(images), r.errLines());
        JsonNode records = Json.MAPPER.readTree(r.out());
        assertEquals(TestImages.GOOD.size() + TestImages.BAD.size(), records.size());
        Set<String> names = new TreeSet<>();
        for (JsonNode rec : records) {
            String name = Path.of(rec.get("file").asText()).getFileName().toString();
            names.add(name);
            if (TestImages.GOOD.contains(name)) {
                assertEquals(alone.get(images.resolve(name)), rec.get("caption").asText(), name);
                assertTrue(rec.get("error").isNull());
                assertEquals(4, rec.get("tokens").size());
                assertTrue(rec.get("logProb").asDouble() <= 0);
            } else {
                assertTrue(rec.get("caption").isNull());
                assertEquals(TestImages.BAD.get(name), rec.get("error").asText(), name);
            }
        }
        Set<String> all = new TreeSet<>(TestImages.GOOD);
        all.addAll(TestImages.BAD.keySet());
        assertEquals(all, names);
    }

    @Test
    void jsonlCsvAndTextFormatsParse() throws Exception {
        ToolRun jsonl = ToolRun.of("run", "--model", soft.toString(), "--format", "jsonl", "--beam", "1", images.toString());
        assertEquals(1, jsonl.exit());
        List<String> lines = jsonl.out().lines().toList();
        assertEquals(10, lines.size());
        for (String line : lines) assertTrue(Json.MAPPER.readTree(line).has("file"), line);

        ToolRun csv = ToolRun.of("run", "--model", soft.toString(), "--format", "csv", "--beam", "1", images.toString());
        List<String> rows = csv.out().lines().toList();
        assertEquals("file,caption,log_prob,error", rows.get(0));
        assertEquals(11, rows.size());
        String cmyk = rows.get(1);
        assertTrue(cmyk.startsWith(images.resolve("cmyk.jpg") + "," + alone.get(images.resolve("cmyk.jpg")) + ","), cmyk);
        assertTrue(Double.parseDouble(cmyk.split(",")[2]) <= 0);
        assertTrue(rows.stream().anyMatch(row -> row.equals(images.resolve("text.jpg")
                + ",,,\"not an image (unrecognised format; expected JPEG, PNG, GIF, BMP, WebP, TIFF, JPEG 2000, PBM/PGM/PPM, PFM, Sun raster or Radiance HDR)\"")), csv.out());

        ToolRun text = ToolRun.of("run", "--model", soft.toString(), "--beam", "1", images.toString());
        List<String> captions = text.out().lines().toList();
        assertEquals(TestImages.GOOD.size(), captions.size());
        for (String line : captions) assertEquals(alone.get(Path.of(line.split("\t")[0])), line.split("\t")[2], line);
        assertEquals(expectedErrorLines(images), text.errLines());
    }

    @Test
    void attentionPicturesAreWrittenPerImage() throws Exception {
        Path pictures = tmp.resolve("attention");
        ToolRun r = ToolRun.of("run", "--model", soft.toString(), "--attention", pictures.toString(), images.resolve("scene-0.png").toString(),
                images.resolve("gray.png").toString());
        assertEquals(0, r.exit());
        Dimension expected = AttentionPicture.size(4, AttentionPicture.TILE, AttentionPicture.COLUMNS);
        for (String name : List.of("scene-0.png", "gray.png")) {
            BufferedImage picture = ImageIO.read(pictures.resolve(name).toFile());
            assertEquals(expected.width, picture.getWidth());
            assertEquals(expected.height, picture.getHeight());
        }
    }

    @Test
    void foldersAreSearchedRecursivelyInSortedOrderAndArgumentsKeepTheirOrder() throws Exception {
        Path root = tmp.resolve("tree");
        byte[] png = Files.readAllBytes(images.resolve("scene-0.png"));
        for (String rel : List.of("b/z.PNG", "b/a/m.png", "a.png", "b/notes.txt", "c/deep/er/x.Png")) {
            Files.createDirectories(root.resolve(rel).getParent());
            Files.write(root.resolve(rel), png);
        }
        Path single = images.resolve("gray.png");
        ToolRun r = ToolRun.of("run", "--model", soft.toString(), "--beam", "1", "--format", "jsonl", single.toString(), root.toString(),
                root.resolve("missing.png").toString());
        assertEquals(1, r.exit());
        List<String> files = new ArrayList<>();
        for (String line : r.out().lines().toList()) files.add(Json.MAPPER.readTree(line).get("file").asText());
        assertEquals(List.of(root.resolve("missing.png").toString(), single.toString(), root.resolve("a.png").toString(),
                root.resolve("b/a/m.png").toString(), root.resolve("b/z.PNG").toString(), root.resolve("c/deep/er/x.Png").toString()), files);
        assertEquals(List.of(root.resolve("missing.png") + ": no such file or directory"), r.errLines());
    }

    @Test
    void helpUsageErrorsAndMissingModel() throws Exception {
        assertEquals(0, ToolRun.of("--help").exit());
        assertEquals(0, ToolRun.of("run", "--help").exit());
        ToolRun unknown = ToolRun.of("run", "--no-such-option", images.toString());
        assertEquals(2, unknown.exit());
        ToolRun missing = ToolRun.of("run", "--model", tmp.resolve("nope.vlm").toString(), images.toString());
        assertEquals(2, missing.exit());
        assertEquals(List.of("caption run: " + tmp.resolve("nope.vlm") + ": no such file"), missing.errLines());
        assertEquals("", missing.out());
        ToolRun badBeam = ToolRun.of("run", "--model", soft.toString(), "--beam", "0", images.toString());
        assertEquals(2, badBeam.exit());
    }

    @Test
    void attentionPicturesNeedAnAttentionModel() throws Exception {
        Path showTell = TestModels.write(tmp.resolve("show-tell.vlm"), Arch.SHOW_TELL);
        ToolRun r = ToolRun.of("run", "--model", showTell.toString(), "--attention", tmp.resolve("att2").toString(), images.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size());
        assertTrue(r.errLines().get(0).contains("--attention needs an attention model"), r.err());
    }
}
