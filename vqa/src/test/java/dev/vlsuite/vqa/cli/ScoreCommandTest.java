package dev.vlsuite.vqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/vqa score: the official report from the public files; rejected results name the file and ids. */
class ScoreCommandTest {
    static final String HUMANS_TWO = "[" + "{\"answer\": \"2\", \"answer_id\": 1},{\"answer\": \"2\", \"answer_id\": 2},"
            + "{\"answer\": \"two\", \"answer_id\": 3},{\"answer\": \"2\", \"answer_id\": 4},{\"answer\": \"3\", \"answer_id\": 5},"
            + "{\"answer\": \"3\", \"answer_id\": 6},{\"answer\": \"3\", \"answer_id\": 7},{\"answer\": \"4\", \"answer_id\": 8},"
            + "{\"answer\": \"2\", \"answer_id\": 9},{\"answer\": \"Two\", \"answer_id\": 10}]";
    static final String HUMANS_YES = "[" + "{\"answer\": \"yes\", \"answer_id\": 1},".repeat(9).replace("\"answer_id\": 1},", "\"answer_id\": 1},")
            + "{\"answer\": \"no\", \"answer_id\": 10}]";

    @Test
    void scoresOfficialFilesAndRejectsWhatLoadResRejects(@TempDir Path dir) throws Exception {
        Path q = dir.resolve("q.json");
        Files.writeString(q, """
                {"info": {}, "license": {}, "task_type": "Open-Ended", "data_type": "mscoco", "data_subtype": "val2014", "questions": [
                  {"image_id": 1, "question": "How many?", "question_id": 10},
                  {"image_id": 1, "question": "Is it?", "question_id": 11}]}""");
        Path a = dir.resolve("a.json");
        Files.writeString(a, "{\"annotations\": ["
                + "{\"question_id\": 10, \"image_id\": 1, \"question_type\": \"how many\", \"answer_type\": \"number\", \"multiple_choice_answer\": \"2\", \"answers\": " + HUMANS_TWO + "},"
                + "{\"question_id\": 11, \"image_id\": 1, \"question_type\": \"is it\", \"answer_type\": \"yes/no\", \"multiple_choice_answer\": \"yes\", \"answers\": " + HUMANS_YES + "}]}");
        Path r = dir.resolve("r.json");
        Files.writeString(r, "[{\"question_id\": 10, \"answer\": \"two\"}, {\"question_id\": 11, \"answer\": \"no\"}]");
        ToolRun text = ToolRun.of("score", "--questions", q.toString(), "--annotations", a.toString(), "--results", r.toString());
        assertEquals(0, text.exit(), text.err());
        // "two" normalises to "2": 6 of the 10 humans (2, 2, two, 2, 2, Two) -> every leave-one-out subset has >= 3 matches
        // "no": 1 human; leave-one-out gives 9 subsets with 1 match (1/3) and one with 0 -> 0.3
        assertTrue(text.out().startsWith("Overall Accuracy is: 65.00"), text.out());
        assertTrue(text.out().contains("number : 100.00") && text.out().contains("yes/no : 30.00"), text.out());
        ToolRun json = ToolRun.of("score", "--questions", q.toString(), "--annotations", a.toString(), "--results", r.toString(),
                "--format", "json");
        assertEquals(0, json.exit(), json.err());
        JsonNode report = Json.MAPPER.readTree(json.out());
        assertEquals(65.0, report.get("overall").asDouble());
        assertEquals(30.0, report.get("perQuestion").get("11").asDouble());

        Files.writeString(r, "[{\"question_id\": 10, \"answer\": 2}, {\"question_id\": 12, \"answer\": \"no\"}]");
        ToolRun rejected = ToolRun.of("score", "--questions", q.toString(), "--annotations", a.toString(), "--results", r.toString());
        assertEquals(1, rejected.exit(), rejected.err());
        assertEquals(1, rejected.errLines().size(), rejected.err());
        String line = rejected.errLines().get(0);
        assertTrue(line.contains(r.toString()) && line.contains("11") && line.contains("12") && line.contains("10"), line);

        Files.writeString(r, "[{\"question_id\": 10, ");
        ToolRun malformed = ToolRun.of("score", "--questions", q.toString(), "--annotations", a.toString(), "--results", r.toString());
        assertEquals(2, malformed.exit(), malformed.err());
        assertTrue(malformed.errLines().get(0).contains(r.toString()), malformed.err());
    }
}
