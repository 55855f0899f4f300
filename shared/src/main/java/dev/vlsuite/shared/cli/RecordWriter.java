package dev.vlsuite.shared.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.io.Json;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints one record per input as {@code --format} asks, for every tool: text (the schema's line, successes
 * only: failures go to stderr), jsonl (one object per line, flushed as it comes), json (one array at the end),
 * csv (a header, RFC 4180 quoting). JSON and CSV records of failed inputs carry the input, the error and
 * nothing else (nulls / empty cells), so a reader sees every input once.
 */
public final class RecordWriter<R> {
    /** The field every record ends with: null on success, the reason on failure. */
    public static final String ERROR = "error";

    private final PrintWriter out;
    private final OutputFormat format;
    private final RecordSchema<R> schema;
    private final ArrayNode all = Json.MAPPER.createArrayNode();

    public RecordWriter(PrintWriter out, OutputFormat format, RecordSchema<R> schema) {
        this.out = out;
        this.format = format;
        this.schema = schema;
        if (format == OutputFormat.csv) {
            List<String> header = new ArrayList<>();
            header.add(schema.input());
            for (RecordSchema.Field<R> f : schema.fields()) if (f.csv() != null) header.add(f.csv());
            header.add(ERROR);
            out.println(String.join(",", header));
        }
    }

    /** A result for {@code input}. */
    public void success(String input, R result) {
        write(input, result, null);
    }

    /** A failed input and its reason (one line, e.g. "truncated JPEG (no end-of-image marker)"). */
    public void failure(String input, String error) {
        write(input, null, error);
    }

    private void write(String input, R result, String error) {
        switch (format) {
            case text -> {
                if (result != null) out.println(schema.textLine().apply(input, result));
            }
            case jsonl -> out.println(json(record(input, result, error)));
            case json -> all.add(record(input, result, error));
            case csv -> out.println(csvRow(input, result, error));
        }
        out.flush();
    }

    /** Ends the output (json: prints the array). */
    public void finish() {
        if (format == OutputFormat.json) {
            try {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.flush();
    }

    /** The JSON record: input, the fields (null when failed), error. */
    public ObjectNode record(String input, R result, String error) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put(schema.input(), input);
        for (RecordSchema.Field<R> f : schema.fields()) {
            r.set(f.json(), result == null ? r.nullNode() : Json.MAPPER.valueToTree(f.value().apply(result)));
        }
        if (error == null) r.putNull(ERROR);
        else r.put(ERROR, error);
        return r;
    }

    private String csvRow(String input, R result, String error) {
        List<String> cells = new ArrayList<>();
        cells.add(csv(input));
        for (RecordSchema.Field<R> f : schema.fields()) {
            if (f.csv() != null) cells.add(result == null ? "" : csv(f.csvValue().apply(result)));
        }
        cells.add(csv(error == null ? "" : error));
        return String.join(",", cells);
    }

    private static String json(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break, or starts/ends with white space. */
    public static String csv(String field) {
        boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                || (!field.isEmpty() && (Character.isWhitespace(field.charAt(0)) || Character.isWhitespace(field.charAt(field.length() - 1))));
        return quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
