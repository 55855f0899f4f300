package dev.vlsuite.captioning.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.captioning.api.CaptionOutcome;
import dev.vlsuite.shared.cli.OutputFormat;
import dev.vlsuite.shared.io.Json;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Prints caption outcomes as {@code --format} asks. text: "file TAB log-prob TAB caption" for captions
 * only (failures go to stderr); jsonl: one object per line; json: one array at the end; csv: header
 * {@code file,caption,log_prob,error} and RFC 4180 quoting. JSON records: file, caption, tokens,
 * logProb, error (null when captioned).
 */
final class CaptionRecords {
    private final PrintWriter out;
    private final OutputFormat format;
    private final ArrayNode all = Json.MAPPER.createArrayNode();

    CaptionRecords(PrintWriter out, OutputFormat format) {
        this.out = out;
        this.format = format;
        if (format == OutputFormat.csv) out.println("file,caption,log_prob,error");
    }

    void add(CaptionOutcome o) {
        switch (format) {
            case text -> {
                if (o.ok()) out.printf(Locale.ROOT, "%s\t%.4f\t%s%n", o.file(), o.caption().logProb(), o.caption().text());
            }
            case jsonl -> out.println(json(record(o)));
            case json -> all.add(record(o));
            case csv -> out.println(String.join(",", csv(o.file().toString()), csv(o.ok() ? o.caption().text() : ""),
                    o.ok() ? String.format(Locale.ROOT, "%.6f", o.caption().logProb()) : "", csv(o.ok() ? "" : o.error())));
        }
        out.flush();
    }

    void finish() {
        if (format == OutputFormat.json) {
            try {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.flush();
    }

    static ObjectNode record(CaptionOutcome o) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("file", o.file().toString());
        if (o.ok()) {
            r.put("caption", o.caption().text());
            ArrayNode tokens = r.putArray("tokens");
            o.caption().tokens().forEach(tokens::add);
            r.put("logProb", o.caption().logProb());
            r.putNull("error");
        } else {
            r.putNull("caption");
            r.put("error", o.error());
        }
        return r;
    }

    private static String json(ObjectNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csv(String field) {
        boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                || (!field.isEmpty() && (Character.isWhitespace(field.charAt(0)) || Character.isWhitespace(field.charAt(field.length() - 1))));
        return quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
