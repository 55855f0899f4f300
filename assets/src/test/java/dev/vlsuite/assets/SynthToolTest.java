package dev.vlsuite.assets;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.Tools;
import dev.vlsuite.shared.io.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthToolTest {
    @Test
    void writesFiftyScenesThatDecode(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("data");
        assertEquals(ExitCodes.OK, Tools.run(new SynthTool(), "scenes", "--count", "50", "--out", out.toString(), "--seed", "5"));
        JsonNode root = Json.MAPPER.readTree(out.resolve("dataset.json").toFile());
        assertEquals(50, root.get("images").size());
        for (JsonNode img : root.get("images")) {
            BufferedImage png = ImageIO.read(out.resolve("images").resolve(img.get("filename").asText()).toFile());
            assertNotNull(png, img.get("filename").asText());
            assertEquals(128, png.getWidth());
        }
        assertTrue(Files.isRegularFile(out.resolve("questions.json")));
        assertTrue(Files.isRegularFile(out.resolve("annotations.json")));
        assertTrue(Files.isRegularFile(out.resolve("scenes.json")));
    }

    @Test
    void refusesANonEmptyFolderUnlessForced(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("keep.txt"), "mine");
        String[] args = {"scenes", "--count", "3", "--size", "32", "--out", tmp.toString()};
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), args));
        assertFalse(Files.exists(tmp.resolve("dataset.json")));
        String[] forced = {"scenes", "--count", "3", "--size", "32", "--out", tmp.toString(), "--force"};
        assertEquals(ExitCodes.OK, Tools.run(new SynthTool(), forced));
        assertTrue(Files.exists(tmp.resolve("dataset.json")));
        assertEquals("mine", Files.readString(tmp.resolve("keep.txt")));
    }

    @Test
    void badOptionsAreUsageErrors(@TempDir Path tmp) {
        String out = tmp.resolve("x").toString();
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "scenes", "--count", "0", "--out", out));
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "scenes", "--split", "1,2", "--out", out));
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "scenes", "--max-objects", "7", "--out", out));
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "scenes"));
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool()));
        assertEquals(ExitCodes.OK, Tools.run(new SynthTool(), "scenes", "--help"));
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void videosWritesBothLayoutsAndRefusesBadOptions(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("clips");
        assertEquals(ExitCodes.OK, Tools.run(new SynthTool(), "videos", "--count", "3", "--size", "48", "--frames", "8",
                "--out", out.toString(), "--seed", "9"));
        JsonNode msrvtt = Json.MAPPER.readTree(out.resolve("videodatainfo.json").toFile());
        assertEquals(3, msrvtt.get("videos").size());
        for (JsonNode v : msrvtt.get("videos")) {
            String id = v.get("video_id").asText();
            assertTrue(Files.size(out.resolve("videos").resolve(id + ".mp4")) > 0, id);
            assertTrue(Files.size(out.resolve("YouTubeClips").resolve(id + "_0_1.avi")) > 0, id); // 8 frames at 12 fps: 1 s
        }
        assertEquals(1 + 3 * 5, Files.readAllLines(out.resolve("video_corpus.csv")).size());
        assertTrue(Files.isRegularFile(out.resolve("groundtruth.json")));
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "videos", "--codec", "vp9", "--out", tmp.resolve("a").toString()));
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "videos", "--layout", "kinetics", "--out", tmp.resolve("a").toString()));
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "videos", "--max-objects", "3", "--out", tmp.resolve("a").toString()));
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "videos", "--frames", "1", "--out", tmp.resolve("a").toString()));
        assertFalse(Files.exists(tmp.resolve("a")));
    }
}
