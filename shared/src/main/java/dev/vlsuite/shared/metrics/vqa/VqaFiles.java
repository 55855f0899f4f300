package dev.vlsuite.shared.metrics.vqa;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.JsonStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Readers of the official VQA files (v2, and v1 with multiple choices) and the results writer. Every problem is a
 * {@link VqaFormatException} naming the file and what is wrong. Arrays are streamed entry by entry, so 200k-question
 * files are read without building one tree for the whole file.
 */
public final class VqaFiles {
    /** The header keys loadRes deep-copies from the questions file: it fails without any of them. */
    static final List<String> QUESTION_HEADER_KEYS = List.of("info", "task_type", "data_type", "data_subtype", "license");

    private static final JsonStream.Errors ERRORS = VqaFormatException::new;

    private VqaFiles() {}

    /** A questions file {@code {"info", "task_type", "data_type", "data_subtype", "license", "questions": [...]}}. */
    public static VqaQuestions readQuestions(Path file) {
        String name = file.toString();
        List<VqaQuestion> questions = new ArrayList<>();
        String[] header = new String[3];
        Set<String> seen = new java.util.HashSet<>();
        JsonStream.fields(file, ERRORS, (field, p) -> {
            seen.add(field);
            switch (field) {
                case "questions" -> {
                    checkArray(name, p, "questions");
                    JsonStream.arrayElements(p, (node, i) -> questions.add(question(name, node, i)));
                }
                case "task_type" -> header[0] = text(name, Json.MAPPER.readTree(p), "task_type");
                case "data_type" -> header[1] = text(name, Json.MAPPER.readTree(p), "data_type");
                case "data_subtype" -> header[2] = text(name, Json.MAPPER.readTree(p), "data_subtype");
                default -> p.skipChildren();
            }
        });
        if (!seen.contains("questions")) throw new VqaFormatException(name, "no \"questions\" array (is this a VQA questions file?)");
        List<String> missing = QUESTION_HEADER_KEYS.stream().filter(k -> !seen.contains(k)).toList();
        if (!missing.isEmpty()) {
            throw new VqaFormatException(name, "missing " + missing + ": the official loadRes copies these keys from the questions file");
        }
        return new VqaQuestions(header[0], header[1], header[2], questions);
    }

    /** An annotations file {@code {"annotations": [{question_id, image_id, question_type, answer_type, answers}]}}. */
    public static List<VqaAnnotation> readAnnotations(Path file) {
        String name = file.toString();
        List<VqaAnnotation> annotations = new ArrayList<>();
        boolean[] found = {false};
        JsonStream.fields(file, ERRORS, (field, p) -> {
            if (field.equals("annotations")) {
                found[0] = true;
                checkArray(name, p, "annotations");
                JsonStream.arrayElements(p, (node, i) -> annotations.add(annotation(name, node, i)));
            } else {
                p.skipChildren();
            }
        });
        if (!found[0]) throw new VqaFormatException(name, "no \"annotations\" array (is this a VQA annotations file?)");
        return annotations;
    }

    /**
     * A results file {@code [{"question_id": int, "answer": str}, ...]}. Must be a JSON list (loadRes asserts it);
     * extra keys are allowed; an answer that is not a string is recorded, not dropped, for the loadRes check.
     */
    public static VqaResults readResults(Path file) {
        String name = file.toString();
        List<VqaResult> results = new ArrayList<>();
        List<Long> nonString = new ArrayList<>();
        JsonStream.elements(file, ERRORS, "results is not an array of objects", (node, i) -> {
            String where = "results[" + i + "]";
            if (!node.isObject()) throw new VqaFormatException(name, where + " is not an object");
            long id = id(name, node.get("question_id"), where + ".question_id");
            JsonNode answer = node.get("answer");
            if (answer != null && answer.isTextual()) results.add(new VqaResult(id, answer.textValue()));
            else nonString.add(id);
        });
        return new VqaResults(name, results, nonString);
    }

    /** Writes results in the official format, atomically. */
    public static void writeResults(Path file, List<VqaResult> results) throws IOException {
        AtomicFiles.write(file, out -> {
            try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
                g.writeStartArray();
                for (VqaResult r : results) {
                    g.writeStartObject();
                    g.writeNumberField("question_id", r.questionId());
                    g.writeStringField("answer", r.answer());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        });
    }

    private static VqaQuestion question(String file, JsonNode n, int i) {
        String where = "questions[" + i + "]";
        if (!n.isObject()) throw new VqaFormatException(file, where + " is not an object");
        long qid = id(file, n.get("question_id"), where + ".question_id");
        long imageId = id(file, n.get("image_id"), where + ".image_id");
        String question = text(file, n.get("question"), where + ".question");
        List<String> choices = new ArrayList<>();
        JsonNode mc = n.get("multiple_choices");
        if (mc != null) {
            if (!mc.isArray()) throw new VqaFormatException(file, where + ".multiple_choices is not an array");
            for (JsonNode c : mc) choices.add(text(file, c, where + ".multiple_choices[]"));
        }
        return new VqaQuestion(qid, imageId, question, choices);
    }

    private static VqaAnnotation annotation(String file, JsonNode n, int i) {
        String where = "annotations[" + i + "]";
        if (!n.isObject()) throw new VqaFormatException(file, where + " is not an object");
        long qid = id(file, n.get("question_id"), where + ".question_id");
        where = where + " (question_id " + qid + ")";
        long imageId = id(file, n.get("image_id"), where + ".image_id");
        String qtype = text(file, n.get("question_type"), where + ".question_type");
        String atype = text(file, n.get("answer_type"), where + ".answer_type");
        JsonNode mca = n.get("multiple_choice_answer");
        String mcAnswer = mca != null && mca.isTextual() ? mca.textValue() : null;
        JsonNode answers = n.get("answers");
        if (answers == null || !answers.isArray() || answers.isEmpty()) {
            throw new VqaFormatException(file, where + ".answers is " + (answers == null ? "missing" : "not a non-empty array"));
        }
        List<HumanAnswer> humans = new ArrayList<>(answers.size());
        for (int k = 0; k < answers.size(); k++) {
            JsonNode a = answers.get(k);
            String at = where + ".answers[" + k + "]";
            if (!a.isObject()) throw new VqaFormatException(file, at + " is not an object");
            String text = text(file, a.get("answer"), at + ".answer");
            JsonNode conf = a.get("answer_confidence");
            JsonNode aid = a.get("answer_id");
            humans.add(new HumanAnswer(text, conf != null && conf.isTextual() ? conf.textValue() : null,
                    aid != null && aid.canConvertToLong() ? aid.longValue() : k + 1));
        }
        return new VqaAnnotation(qid, imageId, qtype, atype, mcAnswer, humans);
    }

    private static long id(String file, JsonNode n, String where) {
        if (n != null && n.isIntegralNumber() && n.canConvertToLong()) return n.longValue();
        throw new VqaFormatException(file, where + (n == null ? " is missing" : " is not an integer"));
    }

    private static String text(String file, JsonNode n, String where) {
        if (n != null && n.isTextual()) return n.textValue();
        throw new VqaFormatException(file, where + (n == null ? " is missing" : " is not a string"));
    }

    private static void checkArray(String file, JsonParser p, String what) {
        if (p.currentToken() != JsonToken.START_ARRAY) throw new VqaFormatException(file, "\"" + what + "\" is not an array");
    }
}
