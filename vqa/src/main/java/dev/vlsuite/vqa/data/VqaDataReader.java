package dev.vlsuite.vqa.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the official VQA files (GT-Vision-Lab/VQA layout, v1 and v2): questions
 * {@code {"data_subtype", "questions": [{"image_id", "question", "question_id"[, "multiple_choices"]}]}} and
 * annotations {@code {"annotations": [{"question_id", "image_id", "question_type", "answer_type",
 * "multiple_choice_answer", "answers": [{"answer", ...}]}]}}, and finds each question's image under the images root.
 * A bad row (a missing or mistyped field, a duplicate id, no annotation, no image, a path leaving the root) is one
 * line to {@code onBadRow} naming the file and the question, and is skipped; a file that is not such JSON at all
 * is an IllegalArgumentException naming it.
 */
public final class VqaDataReader {
    private VqaDataReader() {}

    /** What was read: the usable questions in file order, and how many rows were skipped. */
    public record VqaData(Path questionsFile, String dataSubtype, List<VqaItem> items, int skipped) {}

    /**
     * @param annotations the annotations file, or null (questions only: ask / eval on a test split)
     * @param images      the images root
     */
    public static VqaData read(Path questions, Path annotations, Path images, Consumer<String> onBadRow) throws IOException {
        JsonNode qRoot = readJson(questions);
        JsonNode qs = qRoot.get("questions");
        if (qs == null || !qs.isArray()) throw new IllegalArgumentException(questions + ": not a VQA questions file (no \"questions\" array)");
        String subtype = qRoot.hasNonNull("data_subtype") ? qRoot.get("data_subtype").asText() : null;
        Map<Long, VqaItem.Annotation> byId = annotations == null ? null : readAnnotations(annotations, onBadRow);
        ImageLocator locator = ImageLocator.open(images);
        List<VqaItem> items = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        int skipped = 0;
        for (int i = 0; i < qs.size(); i++) {
            JsonNode q = qs.get(i);
            String where = questions + ": question #" + (i + 1);
            try {
                long qid = integer(q, "question_id");
                where = questions + ": question " + qid;
                long imageId = integer(q, "image_id");
                JsonNode text = q.get("question");
                if (text == null || !text.isTextual() || text.asText().isBlank()) throw new IllegalArgumentException("\"question\" is missing or not a string");
                if (!seen.add(qid)) throw new IllegalArgumentException("duplicate question_id");
                List<String> choices = new ArrayList<>();
                JsonNode mc = q.get("multiple_choices");
                if (mc != null && mc.isArray()) for (JsonNode c : mc) choices.add(c.asText());
                VqaItem.Annotation a = null;
                if (byId != null) {
                    a = byId.get(qid);
                    if (a == null) throw new IllegalArgumentException("no annotation in " + annotations);
                }
                Path image = locator.locate(imageId, subtype);
                items.add(new VqaItem(qid, imageId, text.asText(), choices, image, locator.split(imageId), a));
            } catch (IllegalArgumentException e) {
                onBadRow.accept(where + ": " + e.getMessage());
                skipped++;
            }
        }
        return new VqaData(questions, subtype, List.copyOf(items), skipped);
    }

    /** question id -> annotation; bad rows reported and left out. */
    public static Map<Long, VqaItem.Annotation> readAnnotations(Path file, Consumer<String> onBadRow) throws IOException {
        JsonNode root = readJson(file);
        JsonNode anns = root.get("annotations");
        if (anns == null || !anns.isArray()) throw new IllegalArgumentException(file + ": not a VQA annotations file (no \"annotations\" array)");
        Map<Long, VqaItem.Annotation> out = new HashMap<>();
        for (int i = 0; i < anns.size(); i++) {
            JsonNode a = anns.get(i);
            String where = file + ": annotation #" + (i + 1);
            try {
                long qid = integer(a, "question_id");
                where = file + ": annotation of question " + qid;
                JsonNode answers = a.get("answers");
                if (answers == null || !answers.isArray() || answers.isEmpty()) throw new IllegalArgumentException("\"answers\" is missing or empty");
                List<String> humans = new ArrayList<>();
                for (JsonNode h : answers) {
                    JsonNode t = h.get("answer");
                    if (t == null || !t.isTextual()) throw new IllegalArgumentException("an answer has no \"answer\" string");
                    humans.add(t.asText());
                }
                String mc = a.hasNonNull("multiple_choice_answer") ? a.get("multiple_choice_answer").asText() : humans.get(0);
                String qt = a.hasNonNull("question_type") ? a.get("question_type").asText() : "";
                String at = a.hasNonNull("answer_type") ? a.get("answer_type").asText() : "";
                if (out.put(qid, new VqaItem.Annotation(qt, at, mc, humans)) != null) throw new IllegalArgumentException("duplicate question_id");
            } catch (IllegalArgumentException e) {
                onBadRow.accept(where + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static long integer(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isIntegralNumber()) throw new IllegalArgumentException("\"" + field + "\" is missing or not an integer");
        return v.asLong();
    }

    private static JsonNode readJson(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": no such file");
        try {
            JsonNode n = Json.MAPPER.readTree(file.toFile());
            if (n == null || !n.isObject()) throw new IllegalArgumentException(file + ": not a JSON object");
            return n;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": malformed JSON (" + e.getOriginalMessage() + ")");
        }
    }
}
