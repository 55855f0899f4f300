package dev.vlsuite.shared.metrics.retrieval;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.JsonStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Readers of the VisDial v1.0 files (dialogs, dense annotations), of model scores files, and the EvalAI ranks
 * writer. Every problem is a {@link VisDialFormatException} naming the file and what is wrong.
 */
public final class VisDialFiles {
    /** Rounds per dialog; test dialogs are padded to it as the official reader does. */
    public static final int ROUNDS = 10;
    /** Candidate options per round in VisDial v1.0; what padding rounds get as options of -1. */
    public static final int OPTIONS = 100;

    private static final JsonStream.Errors ERRORS = VisDialFormatException::new;

    private VisDialFiles() {}

    /**
     * A dialogs file {@code {"version", "split", "data": {"questions", "answers", "dialogs"}}}. Test dialogs
     * (1-10 rounds, the last without answer and gt_index) are padded to 10 rounds with question and answer -1
     * and options of -1; {@link VisDialDialog#numRounds()} keeps the original length.
     */
    public static VisDialData readDialogs(Path file) {
        String name = file.toString();
        String[] header = new String[2];
        List<String> questions = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        List<VisDialDialog> dialogs = new ArrayList<>();
        boolean[] found = new boolean[4];
        JsonStream.fields(file, ERRORS, (field, p) -> {
            switch (field) {
                case "version" -> header[0] = p.getValueAsString();
                case "split" -> header[1] = p.getValueAsString();
                case "data" -> {
                    if (p.currentToken() != JsonToken.START_OBJECT) throw new VisDialFormatException(name, "\"data\" is not an object");
                    found[0] = true;
                    JsonStream.objectFields(p, (f, q) -> {
                        switch (f) {
                            case "questions" -> { found[1] = true; strings(name, Json.MAPPER.readTree(q), "data.questions", questions); }
                            case "answers" -> { found[2] = true; strings(name, Json.MAPPER.readTree(q), "data.answers", answers); }
                            case "dialogs" -> {
                                if (q.currentToken() != JsonToken.START_ARRAY) throw new VisDialFormatException(name, "data.dialogs is not an array");
                                found[3] = true;
                                JsonStream.arrayElements(q, (node, i) -> dialogs.add(dialog(name, node, i)));
                            }
                            default -> q.skipChildren();
                        }
                    });
                }
                default -> p.skipChildren();
            }
        });
        String[] what = {"data", "data.questions", "data.answers", "data.dialogs"};
        for (int i = 0; i < found.length; i++) {
            if (!found[i]) throw new VisDialFormatException(name, "no \"" + what[i] + "\" (is this a VisDial v1.0 dialogs file?)");
        }
        return new VisDialData(header[0], header[1], questions, answers, dialogs);
    }

    /** The dense annotations file {@code [{"image_id", "round_id" (1-based), "gt_relevance": [100]}]}. */
    public static List<DenseAnnotation> readDenseAnnotations(Path file) {
        String name = file.toString();
        List<DenseAnnotation> dense = new ArrayList<>();
        JsonStream.elements(file, ERRORS, "not a JSON array of dense annotations", (node, i) -> {
            String where = "[" + i + "]";
            if (!node.isObject()) throw new VisDialFormatException(name, where + " is not an object");
            long imageId = longValue(name, node.get("image_id"), where + ".image_id");
            int roundId = intValue(name, node.get("round_id"), where + ".round_id");
            if (roundId < 1 || roundId > ROUNDS) throw new VisDialFormatException(name, where + ".round_id " + roundId + " is not in 1.." + ROUNDS);
            // the train sample reportedly names the field "relevance"; the val file's is gt_relevance
            JsonNode rel = node.has("gt_relevance") ? node.get("gt_relevance") : node.get("relevance");
            dense.add(new DenseAnnotation(imageId, roundId, floats(name, rel, where + ".gt_relevance")));
        });
        return dense;
    }

    /**
     * A scores file: val {@code [{"image_id", "scores": [rounds][options]}]} or test
     * {@code [{"image_id", "round_id", "scores": [options]}]} (the entry has a round_id exactly when its scores are
     * one row).
     */
    public static List<DialogScores> readScores(Path file) {
        String name = file.toString();
        List<DialogScores> scores = new ArrayList<>();
        JsonStream.elements(file, ERRORS, "not a JSON array of scores", (node, i) -> {
            String where = "[" + i + "]";
            if (!node.isObject()) throw new VisDialFormatException(name, where + " is not an object");
            long imageId = longValue(name, node.get("image_id"), where + ".image_id");
            JsonNode s = node.get("scores");
            if (s == null || !s.isArray() || s.isEmpty()) throw new VisDialFormatException(name, where + " (image_id " + imageId + ").scores is not a non-empty array");
            if (s.get(0).isArray()) {
                float[][] rows = new float[s.size()][];
                for (int r = 0; r < rows.length; r++) rows[r] = floats(name, s.get(r), where + " (image_id " + imageId + ").scores[" + r + "]");
                scores.add(new DialogScores(imageId, 0, rows));
            } else {
                int roundId = intValue(name, node.get("round_id"), where + " (image_id " + imageId + ").round_id");
                if (roundId < 1 || roundId > ROUNDS) throw new VisDialFormatException(name, where + ".round_id " + roundId + " is not in 1.." + ROUNDS);
                scores.add(new DialogScores(imageId, roundId, new float[][] {floats(name, s, where + " (image_id " + imageId + ").scores")}));
            }
        });
        return scores;
    }

    /** Writes the EvalAI ranks file {@code [{"image_id", "round_id", "ranks": [1-based ranks]}]}, atomically. */
    public static void writeRanks(Path file, List<RanksEntry> entries) throws IOException {
        AtomicFiles.write(file, out -> {
            try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
                g.writeStartArray();
                for (RanksEntry e : entries) {
                    g.writeStartObject();
                    g.writeNumberField("image_id", e.imageId());
                    g.writeNumberField("round_id", e.roundId());
                    g.writeFieldName("ranks");
                    g.writeArray(e.ranks(), 0, e.ranks().length);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        });
    }

    /** Scores files in the two layouts (val: every round; test: the scored round only), atomically. */
    public static void writeScores(Path file, List<DialogScores> scores) throws IOException {
        AtomicFiles.write(file, out -> {
            try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
                g.writeStartArray();
                for (DialogScores d : scores) {
                    g.writeStartObject();
                    g.writeNumberField("image_id", d.imageId());
                    if (d.lastRoundOnly()) {
                        g.writeNumberField("round_id", d.roundId());
                        g.writeFieldName("scores");
                        writeFloats(g, d.scores()[0]);
                    } else {
                        g.writeArrayFieldStart("scores");
                        for (float[] row : d.scores()) writeFloats(g, row);
                        g.writeEndArray();
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        });
    }

    private static void writeFloats(JsonGenerator g, float[] row) throws IOException {
        g.writeStartArray();
        for (float v : row) g.writeNumber(v);
        g.writeEndArray();
    }

    private static VisDialDialog dialog(String file, JsonNode n, int i) {
        String where = "data.dialogs[" + i + "]";
        if (!n.isObject()) throw new VisDialFormatException(file, where + " is not an object");
        long imageId = longValue(file, n.get("image_id"), where + ".image_id");
        where = where + " (image_id " + imageId + ")";
        JsonNode cap = n.get("caption");
        String caption = cap != null && cap.isTextual() ? cap.textValue() : "";
        JsonNode d = n.get("dialog");
        if (d == null || !d.isArray()) throw new VisDialFormatException(file, where + ".dialog is not an array");
        if (d.size() > ROUNDS) throw new VisDialFormatException(file, where + " has " + d.size() + " rounds, more than " + ROUNDS);
        List<VisDialRound> rounds = new ArrayList<>(ROUNDS);
        for (int r = 0; r < d.size(); r++) {
            JsonNode round = d.get(r);
            String at = where + ".dialog[" + r + "]";
            if (!round.isObject()) throw new VisDialFormatException(file, at + " is not an object");
            int question = intValue(file, round.get("question"), at + ".question");
            int answer = round.has("answer") ? intValue(file, round.get("answer"), at + ".answer") : -1;
            int[] options = round.has("answer_options") ? ints(file, round.get("answer_options"), at + ".answer_options") : minusOnes();
            int gt = round.has("gt_index") ? intValue(file, round.get("gt_index"), at + ".gt_index") : -1;
            if (gt >= options.length) throw new VisDialFormatException(file, at + ".gt_index " + gt + " is outside the " + options.length + " options");
            rounds.add(new VisDialRound(question, answer, options, gt));
        }
        while (rounds.size() < ROUNDS) rounds.add(new VisDialRound(-1, -1, minusOnes(), -1));
        return new VisDialDialog(imageId, caption, rounds, d.size());
    }

    private static int[] minusOnes() {
        int[] o = new int[OPTIONS];
        Arrays.fill(o, -1);
        return o;
    }

    private static void strings(String file, JsonNode n, String where, List<String> into) {
        if (n == null || !n.isArray()) throw new VisDialFormatException(file, where + " is not an array");
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual()) throw new VisDialFormatException(file, where + "[" + i + "] is not a string");
            into.add(n.get(i).textValue());
        }
    }

    private static float[] floats(String file, JsonNode n, String where) {
        if (n == null || !n.isArray()) throw new VisDialFormatException(file, where + (n == null ? " is missing" : " is not an array"));
        float[] v = new float[n.size()];
        for (int i = 0; i < v.length; i++) {
            if (!n.get(i).isNumber()) throw new VisDialFormatException(file, where + "[" + i + "] is not a number");
            v[i] = n.get(i).floatValue(); // the official code converts to float32
        }
        return v;
    }

    private static int[] ints(String file, JsonNode n, String where) {
        if (n == null || !n.isArray()) throw new VisDialFormatException(file, where + " is not an array");
        int[] v = new int[n.size()];
        for (int i = 0; i < v.length; i++) v[i] = intValue(file, n.get(i), where + "[" + i + "]");
        return v;
    }

    private static long longValue(String file, JsonNode n, String where) {
        if (n != null && n.isIntegralNumber() && n.canConvertToLong()) return n.longValue();
        throw new VisDialFormatException(file, where + (n == null ? " is missing" : " is not an integer"));
    }

    private static int intValue(String file, JsonNode n, String where) {
        if (n != null && n.isIntegralNumber() && n.canConvertToInt()) return n.intValue();
        throw new VisDialFormatException(file, where + (n == null ? " is missing" : " is not an integer"));
    }
}
