package dev.vlsuite.assets.dataset;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.language.QaPair;
import dev.vlsuite.assets.language.QuestionGenerator;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.shared.io.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneWriterTest {
    private static final List<Scene> SCENES = SyntheticWorld.generate(77, 20, 96);

    @Test
    void karpathyJsonHasTheRealFieldsAndParsesBack(@TempDir Path dir) throws Exception {
        WrittenDataset w = SceneWriter.write(dir, SCENES, Splits.DEFAULT);
        assertEquals(20, w.images());
        assertEquals(100, w.captions());
        JsonNode root = Json.MAPPER.readTree(w.datasetJson().toFile());
        assertEquals("synthetic", root.get("dataset").asText());
        assertEquals(20, root.get("images").size());
        int expectedSentid = 0;
        int train = 0, val = 0, test = 0;
        for (JsonNode img : root.get("images")) {
            assertEquals(List.of("filepath", "sentids", "filename", "imgid", "split", "sentences", "cocoid"), names(img));
            assertEquals("images", img.get("filepath").asText());
            assertEquals(img.get("imgid").asInt(), img.get("cocoid").asInt());
            switch (img.get("split").asText()) {
                case "train" -> train++;
                case "val" -> val++;
                case "test" -> test++;
                default -> fail("bad split " + img.get("split"));
            }
            assertEquals(5, img.get("sentences").size());
            for (int k = 0; k < 5; k++) {
                JsonNode s = img.get("sentences").get(k);
                assertEquals(List.of("tokens", "raw", "imgid", "sentid"), names(s));
                assertEquals(expectedSentid, s.get("sentid").asInt());
                assertEquals(expectedSentid++, img.get("sentids").get(k).asInt());
                assertEquals(img.get("imgid").asInt(), s.get("imgid").asInt());
                assertTrue(s.get("tokens").isArray() && s.get("tokens").size() > 0);
            }
            BufferedImage png = ImageIO.read(dir.resolve("images").resolve(img.get("filename").asText()).toFile());
            assertEquals(96, png.getWidth());
            assertEquals(96, png.getHeight());
        }
        assertEquals(List.of(16, 2, 2), List.of(train, val, test));
    }

    @Test
    void vqaFilesFollowTheV2Layout(@TempDir Path dir) throws Exception {
        SceneWriter.write(dir, SCENES, Splits.DEFAULT);
        JsonNode q = Json.MAPPER.readTree(dir.resolve("questions.json").toFile());
        JsonNode a = Json.MAPPER.readTree(dir.resolve("annotations.json").toFile());
        for (String key : List.of("info", "task_type", "data_type", "data_subtype", "license", "questions")) assertTrue(q.has(key), key);
        for (String key : List.of("info", "data_type", "data_subtype", "license", "annotations")) assertTrue(a.has(key), key);
        assertEquals("Open-Ended", q.get("task_type").asText());
        int expected = SCENES.stream().mapToInt(s -> QuestionGenerator.questions(s).size()).sum();
        assertEquals(expected, q.get("questions").size());
        assertEquals(expected, a.get("annotations").size());
        Set<Long> ids = new HashSet<>();
        for (JsonNode qn : q.get("questions")) {
            assertEquals(List.of("image_id", "question", "question_id"), names(qn));
            assertTrue(ids.add(qn.get("question_id").asLong()));
            assertEquals(qn.get("image_id").asLong(), qn.get("question_id").asLong() / 1000, "v2 id convention");
        }
        Map<Integer, Scene> byId = new HashMap<>();
        for (Scene s : SCENES) byId.put(s.id(), s);
        for (JsonNode an : a.get("annotations")) {
            assertEquals(List.of("question_id", "image_id", "question_type", "answer_type", "multiple_choice_answer", "answers"), names(an));
            assertTrue(ids.contains(an.get("question_id").asLong()));
            assertTrue(Set.of("yes/no", "number", "other").contains(an.get("answer_type").asText()));
            assertEquals(10, an.get("answers").size());
            for (int j = 0; j < 10; j++) {
                JsonNode h = an.get("answers").get(j);
                assertEquals(List.of("answer", "answer_confidence", "answer_id"), names(h));
                assertEquals(j + 1, h.get("answer_id").asInt());
            }
            // the majority answer is the world's right answer (the humans vary; HumanAnswersTest)
            QaPair qa = QuestionGenerator.questions(byId.get(an.get("image_id").asInt()))
                    .get((int) (an.get("question_id").asLong() % 1000));
            assertEquals(qa.answer(), an.get("multiple_choice_answer").asText());
        }
    }

    @Test
    void scenesJsonRoundTripsExactly(@TempDir Path dir) throws Exception {
        SceneWriter.write(dir, SCENES, Splits.DEFAULT);
        assertEquals(SCENES, SceneJson.read(dir.resolve("scenes.json")));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"images\":[]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SceneJson.read(bad));
        assertTrue(e.getMessage().contains("bad.json"));
    }

    @Test
    void sameScenesGiveIdenticalFiles(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        SceneWriter.write(a, SCENES, Splits.DEFAULT);
        SceneWriter.write(b, SyntheticWorld.generate(77, 20, 96), Splits.DEFAULT);
        List<Path> files;
        try (var walk = Files.walk(a)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertEquals(20 + 4, files.size(), "images + 4 JSON files, no temp files left");
        for (Path f : files) assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f))), f.toString());
    }

    @Test
    void splitsParseAndAssignInOrder() {
        assertEquals(List.of("train", "train", "train", "val", "test"), Splits.parse("0.6, 0.2, 0.2").assign(5));
        assertEquals(List.of("test", "test"), Splits.parse("0,0,1").assign(2));
        assertEquals(List.of("train", "train", "val"), Splits.parse("2,1,0").assign(3));
        assertThrows(IllegalArgumentException.class, () -> Splits.parse("0.8,0.2"));
        assertThrows(IllegalArgumentException.class, () -> Splits.parse("a,b,c"));
        assertThrows(IllegalArgumentException.class, () -> Splits.parse("0,0,0"));
        assertThrows(IllegalArgumentException.class, () -> Splits.parse("-1,1,1"));
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) out.add(it.next());
        return out;
    }
}
