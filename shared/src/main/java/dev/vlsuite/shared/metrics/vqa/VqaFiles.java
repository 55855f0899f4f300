package dev.vlsuite.shared.metrics.vqa;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    private VqaFiles() {}

    /** A questions file {@code {"info", "task_type", "data_type", "data_subtype", "license", "questions": [...]}}. */
    public static VqaQuestions readQuestions(Path file) {
        String name = file.toString();
        List<VqaQuestion> questions = new ArrayList<>();
        String[] header = new String[3];
        Set<String> seen = new java.util.HashSet<>();
        readTopObject(file, (field, p) -> {
            seen.add(field);
            switch (field) {
                case "questions" -> readArray(file, p, "questions", (node, i) -> questions.add(question(name, node, i)));
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
        readTopObject(file, (field, p) -> {
            if (field.equals("annotations")) {
                found[0] = true;
                readArray(file, p, "annotations", (node, i) -> annotations.add(annotation(name, node, i)));
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
        withParser(file, p -> {
            JsonToken first = p.nextToken();
            if (first == null) throw new VqaFormatException(name, "empty file");
            if (first != JsonToken.START_ARRAY) throw new VqaFormatException(name, "results is not an array of objects");
            readElements(file, p, "results", (node, i) -> {
                String where = "results[" + i + "]";
                if (!node.isObject()) throw new VqaFormatException(name, where + " is not an object");
                long id = id(name, node.get("question_id"), where + ".question_id");
                JsonNode answer = node.get("answer");
                if (answer != null && answer.isTextual()) results.add(new VqaResult(id, answer.textValue()));
                else nonString.add(id);
            });
            return null;
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

    // ---- streaming plumbing ----

    private interface ParserWork<T> {
        T run(JsonParser p) throws IOException;
    }

    private interface FieldHandler {
        void field(String name, JsonParser p) throws IOException;
    }

    private interface ElementHandler {
        void element(JsonNode node, int index) throws IOException;
    }

    private static <T> T withParser(Path file, ParserWork<T> work) {
        String name = file.toString();
        try (JsonParser p = Json.MAPPER.getFactory().createParser(Files.newInputStream(file))) {
            return work.run(p);
        } catch (NoSuchFileException e) {
            throw new VqaFormatException(name, "no such file");
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new VqaFormatException(name, "malformed JSON" + at + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new VqaFormatException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    private static void readTopObject(Path file, FieldHandler handler) {
        withParser(file, p -> {
            JsonToken first = p.nextToken();
            if (first == null) throw new VqaFormatException(file.toString(), "empty file");
            if (first != JsonToken.START_OBJECT) throw new VqaFormatException(file.toString(), "not a JSON object");
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String field = p.currentName();
                p.nextToken();
                handler.field(field, p);
            }
            return null;
        });
    }

    private static void readArray(Path file, JsonParser p, String what, ElementHandler handler) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) throw new VqaFormatException(file.toString(), "\"" + what + "\" is not an array");
        readElements(file, p, what, handler);
    }

    // the parser is on START_ARRAY; each element is read as a small tree
    private static void readElements(Path file, JsonParser p, String what, ElementHandler handler) throws IOException {
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) throw new VqaFormatException(file.toString(), "malformed JSON: \"" + what + "\" is not closed");
            handler.element(Json.MAPPER.readTree(p), i++);
        }
    }
}
