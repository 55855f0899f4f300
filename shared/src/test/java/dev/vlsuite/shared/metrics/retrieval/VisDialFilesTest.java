package dev.vlsuite.shared.metrics.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VisDial v1.0 layouts (val and padded test dialogs, dense annotations, scores) and the EvalAI ranks file. */
class VisDialFilesTest {
    @TempDir Path dir;

    private Path write(String name, String json) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    // 4 options per round keep the files small; the code takes the count from answer_options
    private static String round(int q, int a, int gt) {
        return "{\"question\": " + q + ", \"answer\": " + a + ", \"answer_options\": [0, 1, 2, 3], \"gt_index\": " + gt + "}";
    }

    private Path valDialogs() throws Exception {
        StringBuilder rounds = new StringBuilder();
        for (int r = 0; r < 10; r++) rounds.append(r == 0 ? "" : ",").append(round(r % 2, r % 4, r % 4));
        return write("val.json", "{\"version\": \"1.0\", \"split\": \"val2018\", \"data\": {\"questions\": [\"is it red\", \"where is it\"],"
                + " \"answers\": [\"yes\", \"no\", \"left\", \"right\"], \"dialogs\": ["
                + "{\"image_id\": 11, \"caption\": \"a red circle\", \"dialog\": [" + rounds + "]},"
                + "{\"image_id\": 12, \"caption\": \"a blue square\", \"dialog\": [" + rounds + "]}]}}");
    }

    @Test
    void testDialogsArePaddedAsTheOfficialReaderDoes() throws Exception {
        Path f = write("test.json", "{\"version\": \"1.0\", \"split\": \"test2018\", \"data\": {\"questions\": [\"q\"], \"answers\": [\"a\"],"
                + " \"dialogs\": [{\"image_id\": 5, \"caption\": \"c\", \"dialog\": [" + round(0, 0, 0) + ","
                + "{\"question\": 0, \"answer_options\": [3, 2, 1, 0]}]}]}}");
        VisDialData data = VisDialFiles.readDialogs(f);
        assertTrue(data.isTest());
        VisDialDialog d = data.dialogs().get(0);
        assertEquals(2, d.numRounds());
        assertEquals(10, d.rounds().size());
        VisDialRound last = d.rounds().get(1);
        assertEquals(-1, last.answer());
        assertEquals(-1, last.gtIndex());
        assertArrayEquals(new int[] {3, 2, 1, 0}, last.answerOptions());
        VisDialRound pad = d.rounds().get(9);
        assertEquals(-1, pad.question());
        assertEquals(100, pad.answerOptions().length);
        assertEquals(-1, pad.answerOptions()[99]);

        // test-layout scores: the last round only, round_id = num_rounds; no ground truth, ranks only
        Path scores = write("scores.json", "[{\"image_id\": 5, \"round_id\": 2, \"scores\": [0.1, 0.4, 0.3, 0.2]}]");
        VisDialReport r = VisDialEvaluator.evaluate(data, List.of(), VisDialFiles.readScores(scores), scores.toString());
        assertNull(r.sparse());
        assertEquals(1, r.ranks().size());
        assertEquals(2, r.ranks().get(0).roundId());
        assertArrayEquals(new int[] {4, 1, 2, 3}, r.ranks().get(0).ranks());
    }

    @Test
    void valScoresGiveAllSixMetricsAndAnEvalAiEntryPerRound() throws Exception {
        VisDialData data = VisDialFiles.readDialogs(valDialogs());
        assertEquals(2, data.dialogs().size());
        assertEquals(List.of("is it red", "where is it"), data.questions());
        // dialog 11 scores option 0 highest every round, dialog 12 option 3: gt_index = r % 4
        StringBuilder rows11 = new StringBuilder();
        StringBuilder rows12 = new StringBuilder();
        for (int r = 0; r < 10; r++) {
            rows11.append(r == 0 ? "" : ",").append("[4, 3, 2, 1]");
            rows12.append(r == 0 ? "" : ",").append("[1, 2, 3, 4]");
        }
        Path scores = write("scores.json", "[{\"image_id\": 12, \"scores\": [" + rows12 + "]}, {\"image_id\": 11, \"scores\": [" + rows11 + "]}]");
        Path dense = write("dense.json", "[{\"image_id\": 11, \"round_id\": 3, \"gt_relevance\": [0, 0, 1, 0.5]},"
                + "{\"image_id\": 12, \"round_id\": 1, \"gt_relevance\": [0, 0, 0, 1]}]");
        VisDialReport r = VisDialEvaluator.evaluate(data, VisDialFiles.readDenseAnnotations(dense), VisDialFiles.readScores(scores), "scores.json");
        // gt ranks: dialog 11 rounds r: gt = r%4 -> rank gt+1: 1,2,3,4,1,2,3,4,1,2; dialog 12: rank 4-gt: 4,3,2,1,4,3,2,1,4,3
        assertEquals(20, r.rounds());
        assertEquals(0.25f, r.sparse().r1(), 0);      // 3 + 2 of 20
        assertEquals(1f, r.sparse().r5(), 0);
        assertEquals(2.5f, r.sparse().meanRank(), 0); // 23/10 + 27/10 over 20
        // NDCG: dialog 11 round 3 ranks 0,1,2,3; relevant 2 and 3 (k=2) at positions 3 and 4 -> 0; dialog 12: k=1, first -> 1
        assertEquals(0.5f, r.ndcg(), 0);
        assertEquals(2, r.denseRounds());
        assertEquals(20, r.ranks().size());
        assertEquals(11, r.ranks().get(0).imageId());
        assertEquals(1, r.ranks().get(0).roundId());
        assertTrue(r.toText().contains("r@1: 0.25"), r.toText());
        assertEquals(0.5, Json.MAPPER.readTree(r.toJson()).get("ndcg").doubleValue(), 0);

        Path out = dir.resolve("ranks/ranks.json");
        VisDialFiles.writeRanks(out, r.ranks());
        JsonNode written = Json.MAPPER.readTree(out.toFile());
        assertEquals(20, written.size());
        assertEquals(12, written.get(10).get("image_id").longValue());
        assertEquals("[4,3,2,1]", written.get(10).get("ranks").toString());
    }

    @Test
    void scoresThatDoNotFitTheDialogsNameTheFileAndTheIds() throws Exception {
        VisDialData data = VisDialFiles.readDialogs(valDialogs());
        Path scores = write("scores.json", "[{\"image_id\": 11, \"scores\": [[1, 2, 3, 4]]}, {\"image_id\": 99, \"scores\": [[1, 2, 3, 4]]}]");
        var e = assertThrows(VisDialFormatException.class,
                () -> VisDialEvaluator.evaluate(data, List.of(), VisDialFiles.readScores(scores), scores.toString()));
        assertTrue(e.getMessage().startsWith(scores + ": 1 dialogs have no scores, image ids [12]; 1 scored image ids are not in the dialogs [99]"), e.getMessage());
        var bad = assertThrows(VisDialFormatException.class, () -> VisDialFiles.readScores(write("s2.json", "[{\"image_id\": 11, \"scores\": [[1, \"x\"]]}]")));
        assertTrue(bad.getMessage().endsWith("[0] (image_id 11).scores[0][1] is not a number"), bad.getMessage());
        var notDialogs = assertThrows(VisDialFormatException.class, () -> VisDialFiles.readDialogs(write("d.json", "{\"version\": \"1.0\"}")));
        assertTrue(notDialogs.getMessage().contains("no \"data\""), notDialogs.getMessage());
    }

    @Test
    void scoresFilesRoundTripInBothLayouts() throws Exception {
        Path f = dir.resolve("scores.json");
        VisDialFiles.writeScores(f, List.of(new DialogScores(1, 0, new float[][] {{1.5f, -2}, {0.25f, 3}}),
                new DialogScores(2, 7, new float[][] {{0.1f, 0.2f}})));
        List<DialogScores> back = VisDialFiles.readScores(f);
        assertArrayEquals(new float[] {0.25f, 3}, back.get(0).scores()[1]);
        assertEquals(7, back.get(1).roundId());
        assertArrayEquals(new float[] {0.1f, 0.2f}, back.get(1).scores()[0]);
    }
}
