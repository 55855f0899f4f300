package dev.vlsuite.shared.metrics.vqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official file formats, the loadRes checks and the report, on small hand-made files. */
class VqaFilesTest {
    @TempDir Path dir;

    private static final String HEADER = "\"info\": {}, \"license\": {}, \"data_type\": \"mscoco\", \"data_subtype\": \"val2014\"";

    private Path write(String name, String json) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    private static String humans(String... answers) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < answers.length; i++) {
            if (i > 0) b.append(',');
            b.append("{\"answer\": ").append(Json.MAPPER.valueToTree(answers[i]).toString())
                    .append(", \"answer_confidence\": \"yes\", \"answer_id\": ").append(i + 1).append('}');
        }
        return b.append(']').toString();
    }

    private static String ten(String a) {
        String[] x = new String[10];
        java.util.Arrays.fill(x, a);
        return humans(x);
    }

    /** Three questions: 1 "how many" (number), 2 "is the" (yes/no), 3 "what color is the" (other). */
    private void threeQuestions() throws Exception {
        write("q.json", "{" + HEADER + ", \"task_type\": \"Open-Ended\", \"questions\": ["
                + "{\"image_id\": 7, \"question\": \"How many?\", \"question_id\": 7001},"
                + "{\"image_id\": 7, \"question\": \"Is it?\", \"question_id\": 7002},"
                + "{\"image_id\": 8, \"question\": \"What color?\", \"question_id\": 8000}]}");
        write("a.json", "{" + HEADER + ", \"annotations\": ["
                + "{\"question_id\": 7001, \"image_id\": 7, \"question_type\": \"how many\", \"answer_type\": \"number\","
                + " \"multiple_choice_answer\": \"2\", \"answers\": " + humans("2", "2", "two", "Two", "3", "3", "3", "2", "2", "4") + "},"
                + "{\"question_id\": 7002, \"image_id\": 7, \"question_type\": \"is the\", \"answer_type\": \"yes/no\","
                + " \"multiple_choice_answer\": \"yes\", \"answers\": " + ten("yes") + "},"
                + "{\"question_id\": 8000, \"image_id\": 8, \"question_type\": \"what color is the\", \"answer_type\": \"other\","
                + " \"multiple_choice_answer\": \"red\", \"answers\": " + humans("red", "red", "Red.", "blue", "blue", "red", "red", "red", "red", "dark red") + "}]}");
    }

    private VqaReport evaluate(String results) throws Exception {
        return VqaAccuracy.evaluate(VqaFiles.readQuestions(dir.resolve("q.json")), VqaFiles.readAnnotations(dir.resolve("a.json")),
                VqaFiles.readResults(write("r.json", results)));
    }

    @Test
    void reportsOverallPerTypeAndPerQuestionAsTheOfficialEvaluator() throws Exception {
        threeQuestions();
        // 7001: "2" normalised matches 6 humans -> 100; 7002: "Yes" vs ten "yes" (no processing) -> 0;
        // 8000: "blue" matches 2 -> 60. The duplicate 8000 keeps its last answer; extra keys are ignored.
        VqaReport r = evaluate("[{\"question_id\": 7001, \"answer\": \"two\"}, {\"question_id\": 7002, \"answer\": \"Yes\"},"
                + "{\"question_id\": 8000, \"answer\": \"red\"}, {\"question_id\": 8000, \"answer\": \"blue\", \"score\": 3}]");
        assertEquals(List.of(7001L, 7002L, 8000L), List.copyOf(r.perQuestion().keySet()));
        assertEquals(100.0, r.perQuestion().get(7001L), 0);
        assertEquals(0.0, r.perQuestion().get(7002L), 0);
        assertEquals(60.0, r.perQuestion().get(8000L), 0);
        assertEquals(53.33, r.overall(), 0);                         // (1 + 0 + .6) / 3 * 100 = 53.333..
        assertEquals(100.0, r.perAnswerType().get("number"), 0);
        assertEquals(0.0, r.perAnswerType().get("yes/no"), 0);
        assertEquals(60.0, r.perQuestionType().get("what color is the"), 0);
        assertEquals(0.6, r.rawPerQuestion().get(8000L), 1e-12);

        String text = r.toText();
        assertTrue(text.startsWith("Overall Accuracy is: 53.33\n"), text);
        assertTrue(text.contains("Per Question Type Accuracy is the following:\nhow many : 100.00\nis the : 0.00\n"), text);
        assertTrue(text.contains("Per Answer Type Accuracy is the following:\nnumber : 100.00\nyes/no : 0.00\nother : 60.00\n"), text);
        JsonNode json = Json.MAPPER.readTree(r.toJson());
        assertEquals(53.33, json.get("overall").doubleValue(), 0);
        assertEquals(60.0, json.get("perAnswerType").get("other").doubleValue(), 0);
        assertEquals(100.0, json.get("perQuestionType").get("how many").doubleValue(), 0);
        assertEquals(0.0, json.get("perQuestion").get("7002").doubleValue(), 0);
    }

    @Test
    void rejectsWhatLoadResRejectsNamingTheFileAndTheIds() throws Exception {
        threeQuestions();
        var e = assertThrows(VqaResultsRejectedException.class, () -> evaluate(
                "[{\"question_id\": 7001, \"answer\": 2}, {\"question_id\": 8000, \"answer\": \"red\"},"
                        + "{\"question_id\": 9999, \"answer\": \"x\"}, {\"question_id\": 8001}]"));
        assertEquals(List.of(7002L), e.missingIds());
        assertEquals(List.of(9999L), e.extraIds().subList(0, 1));
        assertEquals(List.of(7001L, 8001L), e.nonStringAnswerIds());
        assertEquals(dir.resolve("r.json").toString(), e.file());
        assertTrue(e.getMessage().startsWith(dir.resolve("r.json") + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("have no result [7002]"), e.getMessage());
        assertTrue(e.getMessage().contains("not strings, question ids [7001, 8001]"), e.getMessage());
    }

    @Test
    void resultsMustBeAListOfObjectsWithIntegerIds() throws Exception {
        threeQuestions();
        var notList = assertThrows(VqaFormatException.class, () -> VqaFiles.readResults(write("r.json", "{\"question_id\": 1}")));
        assertTrue(notList.getMessage().endsWith("results is not an array of objects"), notList.getMessage());
        var badId = assertThrows(VqaFormatException.class,
                () -> VqaFiles.readResults(write("r.json", "[{\"question_id\": \"7001\", \"answer\": \"2\"}]")));
        assertTrue(badId.getMessage().endsWith("results[0].question_id is not an integer"), badId.getMessage());
        var malformed = assertThrows(VqaFormatException.class, () -> VqaFiles.readResults(write("r.json", "[{\"question_id\": 1,")));
        assertTrue(malformed.getMessage().contains("malformed JSON"), malformed.getMessage());
        var none = assertThrows(VqaFormatException.class, () -> VqaFiles.readResults(dir.resolve("absent.json")));
        assertTrue(none.getMessage().endsWith("absent.json: no such file"), none.getMessage());
    }

    @Test
    void questionsNeedTheHeaderKeysLoadResCopies() throws Exception {
        var e = assertThrows(VqaFormatException.class, () -> VqaFiles.readQuestions(write("q.json",
                "{\"task_type\": \"Open-Ended\", \"data_type\": \"mscoco\", \"questions\": []}")));
        assertTrue(e.getMessage().contains("missing [info, data_subtype, license]"), e.getMessage());
        var ann = assertThrows(VqaFormatException.class, () -> VqaFiles.readAnnotations(write("a.json",
                "{\"annotations\": [{\"question_id\": 5, \"image_id\": 1, \"question_type\": \"x\", \"answers\": []}]}")));
        assertTrue(ann.getMessage().endsWith("annotations[0] (question_id 5).answer_type is missing"), ann.getMessage());
    }

    @Test
    void multipleChoiceAnswersMustBeChoices() throws Exception {
        threeQuestions();
        write("q.json", "{" + HEADER + ", \"task_type\": \"Multiple Choice\", \"questions\": ["
                + "{\"image_id\": 7, \"question\": \"How many?\", \"question_id\": 7001, \"multiple_choices\": [\"2\", \"3\"]},"
                + "{\"image_id\": 7, \"question\": \"Is it?\", \"question_id\": 7002, \"multiple_choices\": [\"yes\", \"no\"]},"
                + "{\"image_id\": 8, \"question\": \"What color?\", \"question_id\": 8000, \"multiple_choices\": [\"red\", \"blue\"]}]}");
        var e = assertThrows(VqaResultsRejectedException.class, () -> evaluate(
                "[{\"question_id\": 7001, \"answer\": \"two\"}, {\"question_id\": 7002, \"answer\": \"yes\"}, {\"question_id\": 8000, \"answer\": \"red\"}]"));
        assertEquals(List.of(7001L), e.notAChoiceIds());
        VqaReport ok = evaluate("[{\"question_id\": 7001, \"answer\": \"2\"}, {\"question_id\": 7002, \"answer\": \"yes\"}, {\"question_id\": 8000, \"answer\": \"red\"}]");
        assertEquals(100.0, ok.perQuestion().get(7002L), 0);
    }

    @Test
    void writtenResultsReadBack() throws Exception {
        Path f = dir.resolve("out/results.json");
        List<VqaResult> results = List.of(new VqaResult(7001, "two"), new VqaResult(8000, "dark \"red\""));
        VqaFiles.writeResults(f, results);
        VqaResults back = VqaFiles.readResults(f);
        assertEquals(results, back.results());
        assertEquals(List.of(), back.nonStringAnswerIds());
    }
}
