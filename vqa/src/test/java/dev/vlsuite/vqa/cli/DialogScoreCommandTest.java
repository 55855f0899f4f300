package dev.vlsuite.vqa.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/vqa dialog-score: the six official metrics worked by hand, the EvalAI ranks file, one-line errors. */
class DialogScoreCommandTest {
    static final String DIALOGS = """
            {"version": "1.0", "split": "val2018", "data": {"questions": ["q0", "q1"], "answers": ["a", "b", "c", "d"],
              "dialogs": [{"image_id": 7, "caption": "c", "dialog": [
                {"question": 0, "answer": 0, "answer_options": [0, 1, 2, 3], "gt_index": 0},
                {"question": 1, "answer": 2, "answer_options": [0, 1, 2, 3], "gt_index": 2}]}]}}""";

    @Test
    void scoresByHandWorkedFilesWritesRanksAndNamesBadFiles(@TempDir Path dir) throws Exception {
        Path dialogs = dir.resolve("val.json");
        Files.writeString(dialogs, DIALOGS);
        Path dense = dir.resolve("dense.json");
        Files.writeString(dense, "[{\"image_id\": 7, \"round_id\": 2, \"gt_relevance\": [1, 0, 1, 0]}]");
        Path scores = dir.resolve("scores.json");
        // round 1: the truth (option 0) ranks 1; round 2: the truth (option 2) ranks 3
        Files.writeString(scores, "[{\"image_id\": 7, \"scores\": [[0.9, 0.1, 0.2, 0.3], [0.5, 0.4, 0.3, 0.1]]}]");
        Path ranks = dir.resolve("out/ranks.json");
        Files.createDirectories(ranks.getParent());

        ToolRun json = ToolRun.of("dialog-score", "--dialogs", dialogs.toString(), "--dense", dense.toString(),
                "--scores", scores.toString(), "--ranks", ranks.toString(), "--format", "json");
        assertEquals(0, json.exit(), json.err());
        JsonNode m = Json.MAPPER.readTree(json.out());
        assertEquals(0.5, m.get("r@1").asDouble(), 1e-6);
        assertEquals(1.0, m.get("r@5").asDouble(), 1e-6);
        assertEquals(1.0, m.get("r@10").asDouble(), 1e-6);
        assertEquals(2.0, m.get("mean").asDouble(), 1e-6);
        assertEquals((1 + 1 / 3.0) / 2, m.get("mrr").asDouble(), 1e-6);
        // k = 2 relevant options; ranked relevances (1, 0) vs ideal (1, 1): 1 / (1 + 1/log2(3))
        assertEquals(1 / (1 + 1 / (Math.log(3) / Math.log(2))), m.get("ndcg").asDouble(), 1e-6);
        JsonNode written = Json.MAPPER.readTree(ranks.toFile());
        assertEquals(2, written.size());
        assertEquals(2, written.get(1).get("round_id").asInt());
        assertArrayEquals(new int[] {1, 2, 3, 4}, Json.MAPPER.treeToValue(written.get(1).get("ranks"), int[].class));

        ToolRun text = ToolRun.of("dialog-score", "--dialogs", dialogs.toString(), "--scores", scores.toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().startsWith("r@1: 0.5"), text.out());
        assertTrue(!text.out().contains("ndcg"), "no --dense, no NDCG: " + text.out());

        Files.writeString(scores, "[{\"image_id\": 8, \"scores\": [[0.9, 0.1, 0.2, 0.3], [0.5, 0.4, 0.3, 0.1]]}]");
        ToolRun unfit = ToolRun.of("dialog-score", "--dialogs", dialogs.toString(), "--scores", scores.toString());
        assertEquals(1, unfit.exit(), unfit.err());
        assertEquals(1, unfit.errLines().size(), unfit.err());
        assertTrue(unfit.errLines().get(0).contains(scores.toString()) && unfit.errLines().get(0).contains("7"), unfit.err());

        Files.writeString(scores, "[{\"image_id\": 7, ");
        ToolRun malformed = ToolRun.of("dialog-score", "--dialogs", dialogs.toString(), "--scores", scores.toString());
        assertEquals(2, malformed.exit(), malformed.err());
        assertTrue(malformed.errLines().get(0).contains(scores.toString()), malformed.err());

        ToolRun badFormat = ToolRun.of("dialog-score", "--dialogs", dialogs.toString(), "--scores", scores.toString(), "--format", "xml");
        assertEquals(2, badFormat.exit(), badFormat.err());
    }
}
