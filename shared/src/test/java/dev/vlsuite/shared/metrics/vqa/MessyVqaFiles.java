package dev.vlsuite.shared.metrics.vqa;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Seeded VQA v2 files whose answers exercise every normalisation rule: spelled and written numbers, case,
 * punctuation in both delete and space modes, digit-comma-digit, long period runs, articles, contractions,
 * newline/tab/NBSP, unanimous questions with near-miss predictions, and an occasional odd human.
 */
final class MessyVqaFiles {
    private static final String[][] CONCEPTS = {
            {"2", "two", "Two", "2.", "two ", "2 "}, {"0", "none", "zero", "None.", "0"},
            {"10", "ten", "Ten!", "10"}, {"1,000", "1000", "1, 000", "1,000-2,000", "10002000"},
            {"yes", "Yes", "yes.", "YES", "yeah", "yes it is", "yes, it is", "Yes!", "yes ?", "yes\n"},
            {"no", "No", "no.", "nope", "No!", "\tno", "no\u00a0"},
            {"red", "Red", "red.", "the red one", "Red!", "red-ish", "reddish", "red "},
            {"t-shirt", "t shirt", "t - shirt", "T-Shirt", "tshirt"},
            {"black and white", "black & white", "black/white", "Black and White", "black, white"},
            {"dont know", "don't know", "Dont know", "do not know"},
            {"3:00", "3 oclock", "three oclock", "3 o'clock", "3.00", "3"},
            {"a.m.", "am", "AM", "a.m", "a m"}, {"the man", "man", "a man", "The Man.", "an man"},
            {"its", "it's", "itll", "it'll", "isnt", "isn't"},
            {"yes" + ".".repeat(33), "yes" + ".".repeat(40), "yes" + ".".repeat(32)},
            {"3.5", "3.5.", ".5", "5.", "three and a half", "3 1/2"},
            {"c++", "c", "(c)", "[c]", "\"c\""}, {"", "the", "a", "An", " "},
            {"mr.smith", "mr. smith", "mr smith", "Mr Smith"}, {"50%", "50 %", "fifty percent", "half"}};
    private static final String[][] TYPES = {
            {"how many", "number"}, {"is the", "yes/no"}, {"what color is the", "other"}, {"what is the", "other"},
            {"none of the above", "other"}};

    private MessyVqaFiles() {}

    /** Writes questions.json, annotations.json and results.json under {@code dir}. */
    static void write(Path dir, int count, long seed) throws IOException {
        Random rnd = new Random(seed);
        ObjectNode questions = header();
        questions.put("task_type", "Open-Ended");
        ArrayNode qs = questions.putArray("questions");
        ObjectNode annotations = header();
        ArrayNode anns = annotations.putArray("annotations");
        ArrayNode results = Json.MAPPER.createArrayNode();
        for (int i = 0; i < count; i++) {
            long imageId = 1000 + i / 3;
            long qid = imageId * 1000 + i % 3;
            qs.addObject().put("image_id", imageId).put("question", "question " + i + "?").put("question_id", qid);
            String[] concept = CONCEPTS[rnd.nextInt(CONCEPTS.length)];
            String[] type = TYPES[rnd.nextInt(TYPES.length)];
            ObjectNode a = anns.addObject();
            a.put("question_id", qid).put("image_id", imageId).put("question_type", type[0]).put("answer_type", type[1]);
            a.put("multiple_choice_answer", concept[0]);
            ArrayNode humans = a.putArray("answers");
            boolean unanimous = rnd.nextInt(4) == 0;
            for (int k = 1; k <= 10; k++) {
                String h;
                if (unanimous) h = concept[0];
                else if (rnd.nextInt(12) == 0) h = pick(rnd, CONCEPTS[rnd.nextInt(CONCEPTS.length)]); // an odd human
                else h = pick(rnd, concept);
                humans.addObject().put("answer", h).put("answer_confidence", pick(rnd, new String[] {"yes", "maybe", "no"}))
                        .put("answer_id", k);
            }
            String pred = rnd.nextInt(5) == 0 ? pick(rnd, CONCEPTS[rnd.nextInt(CONCEPTS.length)]) : pick(rnd, concept);
            results.addObject().put("question_id", qid).put("answer", pred);
        }
        Json.MAPPER.writeValue(dir.resolve("questions.json").toFile(), questions);
        Json.MAPPER.writeValue(dir.resolve("annotations.json").toFile(), annotations);
        Json.MAPPER.writeValue(dir.resolve("results.json").toFile(), results);
    }

    private static ObjectNode header() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.putObject("info").put("description", "messy answers for the VQA parity test");
        o.putObject("license").put("name", "test data");
        o.put("data_type", "mscoco");
        o.put("data_subtype", "val2014");
        return o;
    }

    private static String pick(Random rnd, String[] options) {
        return options[rnd.nextInt(options.length)];
    }

    static List<String> fileNames() {
        return List.of("questions.json", "annotations.json", "results.json");
    }
}
