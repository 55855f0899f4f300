package dev.vlsuite.vqa.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.shared.text.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VqaDataReaderTest {
    static final String ANSWERS_TWO = "[" + "{\"answer\":\"2\"},".repeat(6) + "{\"answer\":\"two\"},".repeat(3) + "{\"answer\":\"3\"}]";

    @Test
    void readsCocoNamesAndReportsBadRowsOneLineEach(@TempDir Path dir) throws Exception {
        Path images = Files.createDirectories(dir.resolve("coco"));
        Files.write(images.resolve("COCO_val2014_000000000042.jpg"), new byte[] {1});
        Files.write(images.resolve("000000000043.jpg"), new byte[] {1});
        Path q = dir.resolve("q.json");
        Files.writeString(q, """
                {"data_subtype": "val2014", "questions": [
                  {"image_id": 42, "question": "How many dogs?", "question_id": 420},
                  {"image_id": 43, "question": "What is it?", "question_id": 430, "multiple_choices": ["a", "b"]},
                  {"image_id": 44, "question": "Where?", "question_id": 440},
                  {"image_id": 42, "question_id": 421},
                  {"image_id": "x", "question": "Why?", "question_id": 422},
                  {"image_id": 42, "question": "Again?", "question_id": 420},
                  {"image_id": 42, "question": "No annotation?", "question_id": 423}
                ]}""");
        Path a = dir.resolve("a.json");
        Files.writeString(a, "{\"annotations\": ["
                + "{\"question_id\": 420, \"image_id\": 42, \"question_type\": \"how many\", \"answer_type\": \"number\", \"multiple_choice_answer\": \"2\", \"answers\": " + ANSWERS_TWO + "},"
                + "{\"question_id\": 430, \"image_id\": 43, \"answer_type\": \"other\", \"multiple_choice_answer\": \"a\", \"answers\": [{\"answer\": \"a\"}]},"
                + "{\"question_id\": 440, \"image_id\": 44, \"multiple_choice_answer\": \"here\", \"answers\": [{\"answer\": \"here\"}]},"
                + "{\"question_id\": 499, \"answers\": [{\"answer\": 5}]}"
                + "]}");
        List<String> bad = new ArrayList<>();
        var data = VqaDataReader.read(q, a, images, bad::add);
        assertEquals(List.of(420L, 430L), data.items().stream().map(VqaItem::questionId).toList());
        assertEquals(images.resolve("COCO_val2014_000000000042.jpg").toAbsolutePath().normalize(), data.items().get(0).image());
        assertEquals(images.resolve("000000000043.jpg").toAbsolutePath().normalize(), data.items().get(1).image());
        assertEquals(List.of("a", "b"), data.items().get(1).multipleChoices());
        assertEquals(10, data.items().get(0).annotation().answers().size());
        // 1 bad annotation + 5 bad questions, each one line naming the file and the question
        assertEquals(6, bad.size(), String.join("\n", bad));
        assertTrue(bad.stream().anyMatch(l -> l.startsWith(a + ": annotation of question 499: ") && l.contains("\"answer\" string")), bad.toString());
        assertTrue(bad.stream().anyMatch(l -> l.startsWith(q + ": question 440: image 44: no file under")), bad.toString());
        assertTrue(bad.stream().anyMatch(l -> l.equals(q + ": question 421: \"question\" is missing or not a string")), bad.toString());
        assertTrue(bad.stream().anyMatch(l -> l.equals(q + ": question 422: \"image_id\" is missing or not an integer")), bad.toString());
        assertTrue(bad.stream().anyMatch(l -> l.equals(q + ": question 420: duplicate question_id")), bad.toString());
        assertTrue(bad.stream().anyMatch(l -> l.startsWith(q + ": question 423: no annotation in ")), bad.toString());
        assertEquals(5, data.skipped());
    }

    @Test
    void datasetJsonPathsNeverLeaveTheRoot(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.write(dir.resolve("secret.png"), new byte[] {1});
        Files.createDirectories(root.resolve("images"));
        Files.write(root.resolve("images/000001.png"), new byte[] {1});
        Files.writeString(root.resolve("dataset.json"), """
                {"images": [{"imgid": 0, "filepath": "..", "filename": "secret.png", "split": "train"},
                            {"imgid": 1, "filepath": "images", "filename": "000001.png", "split": "val"},
                            {"imgid": 2, "filepath": "/etc", "filename": "passwd", "split": "train"}]}""");
        Path q = dir.resolve("q.json");
        Files.writeString(q, """
                {"questions": [{"image_id": 0, "question": "a?", "question_id": 0},
                               {"image_id": 1, "question": "b?", "question_id": 1},
                               {"image_id": 2, "question": "c?", "question_id": 2}]}""");
        List<String> bad = new ArrayList<>();
        var data = VqaDataReader.read(q, null, root, bad::add);
        assertEquals(1, data.items().size());
        assertEquals("val", data.items().get(0).split());
        assertEquals(2, bad.size(), bad.toString());
        assertTrue(bad.get(0).contains("question 0: ") && bad.get(0).contains("escapes its root"), bad.get(0));
        assertTrue(bad.get(1).contains("question 2: ") && bad.get(1).contains("absolute path not allowed"), bad.get(1));
    }

    @Test
    void notAQuestionsFileIsOneLineNamingIt(@TempDir Path dir) throws Exception {
        Path q = dir.resolve("q.json");
        Files.writeString(q, "{\"questions\": [");
        var e = assertThrows(IllegalArgumentException.class, () -> VqaDataReader.read(q, null, dir, l -> { }));
        assertTrue(e.getMessage().startsWith(q + ": malformed JSON"), e.getMessage());
        Files.writeString(q, "{\"annotations\": []}");
        e = assertThrows(IllegalArgumentException.class, () -> VqaDataReader.read(q, null, dir, l -> { }));
        assertEquals(q + ": not a VQA questions file (no \"questions\" array)", e.getMessage());
    }

    @Test
    void softTargetsAreMinOneCountOverThreeNormalised() {
        Vocabulary answers = Vocabulary.of(List.of("2", "3", "yes"));
        var ann = new VqaItem.Annotation("how many", "number", "2", List.of("2", "2", "2", "2", "3", "3", "4", "2", "2", "2"));
        float[] soft = AnswerVocabulary.target(ann, answers, true, s -> s);
        // scores: "2" min(1, 7/3) = 1, "3" 2/3, "4" not a class; normalised to sum 1
        assertEquals(1 / (1 + 2 / 3f), soft[answers.id("2")], 1e-6);
        assertEquals((2 / 3f) / (1 + 2 / 3f), soft[answers.id("3")], 1e-6);
        assertEquals(0f, soft[answers.id("yes")]);
        float[] mfa = AnswerVocabulary.target(ann, answers, false, s -> s);
        assertEquals(1f, mfa[answers.id("2")]);
        assertEquals(null, AnswerVocabulary.target(new VqaItem.Annotation("", "", "9", List.of("9")), answers, true, s -> s));
    }

    @Test
    void topKAnswersByFrequencyTiesByText() {
        List<VqaItem> items = new ArrayList<>();
        String[] mc = {"yes", "no", "yes", "2", "no", "yes", "blue"};
        for (int i = 0; i < mc.length; i++) {
            items.add(new VqaItem(i, 0, "q?", List.of(), Path.of("x"), null, new VqaItem.Annotation("", "", mc[i], List.of(mc[i]))));
        }
        Vocabulary v = AnswerVocabulary.build(items, 3, s -> s);
        assertEquals(List.of("yes", "no", "2"), v.words().subList(AnswerVocabulary.FIRST_ANSWER, v.size()));
    }

    @Test
    void questionsAreRightAligned() {
        Vocabulary v = Vocabulary.of(List.of("how", "many", "shapes", "are", "there", "what", "color"));
        int[] a = QuestionIds.encode("How many shapes are there?", v, 26);
        int[] b = QuestionIds.encode("what colour?", v, 26);
        assertEquals(List.of("how", "many", "shapes", "are", "there"), QuestionIds.words("How many shapes are there?"));
        int[] width = new int[1];
        long[] rows = QuestionIds.rightAligned(List.of(a, b), width);
        assertEquals(5, width[0]);
        assertEquals(0, rows[5]);                                   // padding first
        assertEquals(v.id("what"), rows[8]);
        assertEquals(Vocabulary.UNK_ID, rows[9]);                  // "colour" is unknown, last step = last word
        assertEquals(2, QuestionIds.encode("how many shapes are there", v, 2).length);
    }
}
