package dev.vlsuite.shared.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.cli.CapturedRun;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.metrics.cli.ScoreTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/score end to end (through Tools.run, as main does) on small files in every REFS format. */
class ScoreToolTest {
    @TempDir Path dir;

    private CapturedRun score(String... args) {
        return CapturedRun.of("score", new ScoreTool(), args);
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final Map<String, List<String>> REFS = Map.of(
            "1", List.of("A man riding a horse.", "A person on a horse."),
            "2", List.of("Two dogs play in the snow.", "Dogs playing outside."),
            "3", List.of("A plate of food (pizza)."));
    private static final String RESULTS = "[{\"image_id\": 1, \"caption\": \"A man on a horse.\"},"
            + "{\"image_id\": 2, \"caption\": \"Two dogs in the snow.\"}, {\"image_id\": 3, \"caption\": \"A pizza on a plate.\"}]";

    private JsonNode expected() throws Exception {
        EvaluationReport r = CaptionEvaluator.builder().build().evaluate(new java.util.TreeMap<>(REFS),
                Map.of("1", "A man on a horse.", "2", "Two dogs in the snow.", "3", "A pizza on a plate."));
        return Json.MAPPER.valueToTree(r.corpus());
    }

    private void assertScores(CapturedRun run) throws Exception {
        assertEquals(0, run.exit(), run.err());
        JsonNode got = Json.MAPPER.readTree(run.out());
        JsonNode want = expected();
        for (String m : List.of("Bleu_1", "Bleu_2", "Bleu_3", "Bleu_4", "ROUGE_L", "CIDEr")) {
            assertEquals(want.get(m).asDouble(), got.get("corpus").get(m).asDouble(), 1e-12, m);
            assertTrue(got.get("per_image").get("2").has(m), m);
        }
        assertTrue(got.get("corpus").get("CIDEr").asDouble() > 0.5, "the candidates are close: a real score");
    }

    @Test
    void cocoAnnotationsRefs() throws Exception {
        Path refs = write("captions.json", """
                {"images": [{"id": 1, "file_name": "1.jpg"}, {"id": 2, "file_name": "2.jpg"}, {"id": 3, "file_name": "3.jpg"}],
                 "annotations": [{"image_id": 1, "caption": "A man riding a horse."}, {"image_id": 1, "caption": "A person on a horse."},
                   {"image_id": 2, "caption": "Two dogs play in the snow."}, {"image_id": 2, "caption": "Dogs playing outside."},
                   {"image_id": 3, "caption": "A plate of food (pizza)."}]}""");
        assertScores(score("--refs", refs.toString(), "--results", write("res.json", RESULTS).toString(), "--format", "json", "--metrics", "bleu,rouge,cider"));
    }

    @Test
    void karpathyRefsWithSplit() throws Exception {
        Path refs = write("dataset_coco.json", """
                {"images": [
                 {"filename": "1.jpg", "imgid": 0, "cocoid": 1, "split": "test", "sentences": [{"raw": "A man riding a horse.", "tokens": []}, {"raw": "A person on a horse.", "tokens": []}]},
                 {"filename": "2.jpg", "imgid": 1, "cocoid": 2, "split": "test", "sentences": [{"raw": "Two dogs play in the snow.", "tokens": []}, {"raw": "Dogs playing outside.", "tokens": []}]},
                 {"filename": "3.jpg", "imgid": 2, "cocoid": 3, "split": "test", "sentences": [{"raw": "A plate of food (pizza).", "tokens": []}]},
                 {"filename": "4.jpg", "imgid": 3, "cocoid": 4, "split": "train", "sentences": [{"raw": "Unrelated.", "tokens": []}]}]}""");
        CapturedRun run = score("--refs", refs.toString(), "--results", write("res.json", RESULTS).toString(), "--format", "json", "--split", "test");
        assertTrue(run.err().contains("METEOR (exact+stem+synonym)"), run.err());
        assertScores(run);
        CapturedRun bad = score("--refs", refs.toString(), "--results", dir.resolve("res.json").toString(), "--split", "nope");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("no images in split 'nope'"), bad.err());
    }

    @Test
    void idMapRefsAndTextTable() throws Exception {
        Path refs = write("refs.json", Json.MAPPER.writeValueAsString(REFS));
        Path res = write("res.json", RESULTS);
        assertScores(score("--refs", refs.toString(), "--results", res.toString(), "--format", "json"));
        CapturedRun text = score("--refs", refs.toString(), "--results", res.toString());
        assertEquals(0, text.exit());
        assertTrue(text.out().contains("Bleu_4") && text.out().contains("CIDEr") && text.out().contains("(3 images)"), text.out());
    }

    @Test
    void flickrTokenRefs() throws Exception {
        Path refs = write("tokens.txt", "a.jpg#0\tA man riding a horse.\na.jpg#1\tA person on a horse.\n");
        CapturedRun run = score("--refs", refs.toString(), "--results",
                write("res.json", "[{\"image_id\": \"a.jpg\", \"caption\": \"A man on a horse.\"}]").toString(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        assertTrue(Json.MAPPER.readTree(run.out()).get("per_image").get("a.jpg").get("Bleu_1").asDouble() > 0.5);
    }

    @Test
    void reportsIdsOnOneSideDuplicatesAndEmptyCaptions() throws Exception {
        Path refs = write("refs.json", Json.MAPPER.writeValueAsString(Map.of("1", List.of("a dog"), "2", List.of("a cat"), "5", List.of("a cow"))));
        Path res = write("res.json", "[{\"image_id\": 1, \"caption\": \"a dog\"}, {\"image_id\": 1, \"caption\": \"a bird\"},"
                + "{\"image_id\": 2, \"caption\": \"  \"}, {\"image_id\": 9, \"caption\": \"a fox\"}]");
        CapturedRun run = score("--refs", refs.toString(), "--results", res.toString(), "--format", "json");
        assertEquals(1, run.exit(), run.err());
        List<String> lines = run.err().lines().filter(l -> !l.contains("METEOR")).toList();
        assertTrue(lines.contains(res + ": image_id 1 appears 2 times; the first caption is scored"), run.err());
        assertTrue(lines.contains(res + ": 1 image id(s) have no references in " + refs + ", not scored: 9"), run.err());
        assertTrue(lines.contains(refs + ": 1 image id(s) have no result in " + res + ", not scored: 5"), run.err());
        assertTrue(lines.contains(res + ": image_id 2: empty caption"), run.err());
        assertEquals(4, lines.size(), run.err());
        JsonNode per = Json.MAPPER.readTree(run.out()).get("per_image");
        assertEquals(2, per.size());
        assertEquals(1.0, per.get("1").get("ROUGE_L").asDouble(), 1e-12); // the first of the duplicates was scored
    }

    @Test
    void lineBreaksStayInTheirOwnCaption() throws Exception {
        Path refs = write("refs.json", "{\"1\": [\"a dog\\non grass\"], \"2\": [\"a red\\u2028car\"], \"3\": [\"a cat\"]}");
        Path res = write("res.json", "[{\"image_id\": 1, \"caption\": \"a dog on grass\"}, {\"image_id\": 2, \"caption\": \"a red car\"},"
                + "{\"image_id\": 3, \"caption\": \"a\\u0007cat\"}]");
        CapturedRun run = score("--refs", refs.toString(), "--results", res.toString(), "--format", "json", "--metrics", "rouge");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains(refs + ": image 1 reference 0: caption contains a line break (U+000A); read as a space"), run.err());
        assertTrue(run.err().contains(refs + ": image 2 reference 0: caption contains a line break (U+2028)"), run.err());
        assertTrue(run.err().contains(res + ": image_id 3: caption contains a control character (U+0007)"), run.err());
        JsonNode per = Json.MAPPER.readTree(run.out()).get("per_image");
        for (String id : List.of("1", "2", "3")) assertEquals(1.0, per.get(id).get("ROUGE_L").asDouble(), 1e-12, id);
    }

    @Test
    void malformedInputsAndMissingParaphraseTableExitTwoWithOneLine() throws Exception {
        Path refs = write("refs.json", "{\"1\": [\"a dog\"]}");
        Path res = write("res.json", "[{\"image_id\": 1, \"caption\": \"a dog\"}]");
        CapturedRun broken = score("--refs", write("bad.json", "{\"1\": [\"a dog\"").toString(), "--results", res.toString());
        assertEquals(2, broken.exit());
        assertTrue(broken.err().contains("bad.json: malformed JSON"), broken.err());
        CapturedRun badRes = score("--refs", refs.toString(), "--results", write("r2.json", "{\"1\": \"x\"}").toString());
        assertEquals(2, badRes.exit());
        assertTrue(badRes.err().contains("r2.json: expected a JSON array"), badRes.err());
        CapturedRun missingTable = score("--refs", refs.toString(), "--results", res.toString(), "--metrics", "bleu,meteor",
                "--meteor-paraphrase", dir.resolve("no-such-table.gz").toString());
        assertEquals(2, missingTable.exit());
        assertEquals(1, missingTable.err().lines().count(), missingTable.err());
        assertTrue(missingTable.err().contains("no-such-table.gz"), missingTable.err());
        CapturedRun unknown = score("--refs", refs.toString(), "--results", res.toString(), "--metrics", "spice");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown metric 'spice'"), unknown.err());
        CapturedRun none = score("--refs", refs.toString(), "--results", write("r3.json", "[{\"image_id\": 8, \"caption\": \"x\"}]").toString());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("nothing to score"), none.err());
    }

    @Test
    void meteorIsScoredInProcessAndNamedByItsModules() throws Exception {
        // the published METRICS.md case, through the tool: tokenization keeps it unchanged
        Path refs = write("refs.json", "{\"1\": [\"this is a test\", \"this is also a test\"]}");
        Path res = write("res.json", "[{\"image_id\": 1, \"caption\": \"This is a good test.\"}]");
        CapturedRun run = score("--refs", refs.toString(), "--results", res.toString(), "--format", "json", "--metrics", "meteor,bleu");
        assertEquals(0, run.exit(), run.err());
        JsonNode got = Json.MAPPER.readTree(run.out());
        assertEquals(0.4443438716486749, got.get("corpus").get("METEOR (exact+stem+synonym)").asDouble(), 1e-9);
        assertEquals(0.79999999968, got.get("corpus").get("Bleu_1").asDouble(), 1e-9);
        assertTrue(run.err().contains("no --meteor-paraphrase"), run.err());
    }
}
