package dev.vlsuite.assets;

import static org.junit.jupiter.api.Assertions.*;

import dev.vlsuite.assets.dataset.SceneJson;
import dev.vlsuite.assets.dataset.VqaJson;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SceneRenderer;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.shared.io.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesTest {
    @Test
    void extractsEightDecodableImagesWithTheirFiles(@TempDir Path dir) throws Exception {
        Samples.extractTo(dir);
        for (String f : List.of("dataset.json", "questions.json", "annotations.json", "scenes.json"))
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        List<String> names = Samples.imageNames();
        assertEquals(8, names.size());
        for (String n : names) {
            BufferedImage img = ImageIO.read(dir.resolve("images").resolve(n).toFile());
            assertEquals(128, img.getWidth());
        }
    }

    @Test
    void bundledSamplesAreWhatTheGeneratorMakesFromTheDocumentedSeed(@TempDir Path dir) throws Exception {
        Samples.extractTo(dir);
        List<Scene> expected = SyntheticWorld.generate(Samples.SEED, 8, 128);
        assertEquals(expected, SceneJson.read(dir.resolve("scenes.json")));
        for (Scene s : expected)
            assertArrayEquals(SceneRenderer.renderPng(s, 128), Files.readAllBytes(dir.resolve("images").resolve(String.format("%06d.png", s.id()))),
                    "sample " + s.id() + " is stale: regenerate with the command in assets/README.md");
        // the VQA files too (questions and the varied human answers)
        assertEquals(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(VqaJson.questions(expected))), Json.MAPPER.readTree(dir.resolve("questions.json").toFile()),
                "questions.json is stale: regenerate with the command in assets/README.md");
        assertEquals(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(VqaJson.annotations(expected))), Json.MAPPER.readTree(dir.resolve("annotations.json").toFile()),
                "annotations.json is stale: regenerate with the command in assets/README.md");
    }

    @Test
    void folderIsARealDirectoryReusedAcrossCalls(@TempDir Path cache) {
        String before = System.getProperty("vlsuite.cache");
        System.setProperty("vlsuite.cache", cache.toString());
        try {
            checkFolder(cache);
        } finally {
            if (before == null) System.clearProperty("vlsuite.cache");
            else System.setProperty("vlsuite.cache", before);
        }
    }

    private static void checkFolder(Path cache) {
        Path a = Samples.folder();
        assertTrue(a.startsWith(cache), a.toString());
        assertTrue(Files.isDirectory(a));
        assertEquals(a, Samples.folder());
        List<Path> images = Samples.images();
        assertEquals(8, images.size());
        images.forEach(p -> assertTrue(Files.isRegularFile(p), p.toString()));
    }
}
