package dev.vlsuite.assets.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.assets.language.HumanAnswers;
import dev.vlsuite.assets.language.QaPair;
import dev.vlsuite.assets.language.QuestionGenerator;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.shared.io.Json;
import java.util.List;
import java.util.SplittableRandom;

/**
 * questions.json and annotations.json in the VQA v2 layout (GT-Vision-Lab/VQA). Question ids follow
 * the v2 convention {@code image_id * 1000 + k}. Every question has 10 human answers varied as people vary
 * ({@link HumanAnswers}: "2" / "two", "yes" / "Yes!" / "yeah", an occasional wrong one; some questions unanimous),
 * seeded by the scene and the question; {@code multiple_choice_answer} is their majority after the official
 * normalisation, always the world's one right answer.
 * The split of a question is the split of its image in dataset.json (image_id == imgid).
 */
public final class VqaJson {
    public static final String DATA_TYPE = "synthetic";
    public static final int ANSWERS_PER_QUESTION = HumanAnswers.ANSWERS;
    private static final long ANSWER_SALT = 0x4E5A_1A75_0F1EL;

    private VqaJson() {}

    public static long questionId(Scene s, int k) {
        return s.id() * 1000L + k;
    }

    public static ObjectNode questions(List<Scene> scenes) {
        ObjectNode root = header();
        root.put("task_type", "Open-Ended");
        ArrayNode arr = root.putArray("questions");
        for (Scene s : scenes) {
            List<QaPair> qs = QuestionGenerator.questions(s);
            for (int k = 0; k < qs.size(); k++) {
                ObjectNode q = arr.addObject();
                q.put("image_id", s.id());
                q.put("question", qs.get(k).question());
                q.put("question_id", questionId(s, k));
            }
        }
        return root;
    }

    public static ObjectNode annotations(List<Scene> scenes) {
        ObjectNode root = header();
        ArrayNode arr = root.putArray("annotations");
        for (Scene s : scenes) {
            List<QaPair> qs = QuestionGenerator.questions(s);
            for (int k = 0; k < qs.size(); k++) {
                QaPair qa = qs.get(k);
                ObjectNode a = arr.addObject();
                a.put("question_id", questionId(s, k));
                a.put("image_id", s.id());
                a.put("question_type", qa.questionType());
                a.put("answer_type", qa.answerType());
                List<String> humans = HumanAnswers.answers(qa, answerRandom(s, k));
                a.put("multiple_choice_answer", HumanAnswers.majority(humans));
                ArrayNode answers = a.putArray("answers");
                for (int j = 1; j <= ANSWERS_PER_QUESTION; j++) {
                    ObjectNode h = answers.addObject();
                    h.put("answer", humans.get(j - 1));
                    h.put("answer_confidence", "yes");
                    h.put("answer_id", j);
                }
            }
        }
        return root;
    }

    // the answers of question k depend on the scene's seed and k only, like the questions themselves
    private static SplittableRandom answerRandom(Scene s, int k) {
        return new SplittableRandom(s.seed() ^ ANSWER_SALT ^ (k * 0x9E37_79B9_7F4A_7C15L));
    }

    /** info, license, data_type, data_subtype: the official loader copies all of them. */
    private static ObjectNode header() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode info = root.putObject("info");
        info.put("description", "vlsuite synthetic shapes world");
        info.put("version", "1.0");
        info.put("contributor", "vlsuite SynthTool");
        ObjectNode license = root.putObject("license");
        license.put("name", "generated data, no restrictions");
        license.put("url", "");
        root.put("data_type", DATA_TYPE);
        root.put("data_subtype", "all");
        return root;
    }
}
