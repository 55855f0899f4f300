package dev.vlsuite.shared.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RecordWriterTest {
    record Answer(String text, double score, List<String> tokens) {}

    static final RecordSchema<Answer> SCHEMA = new RecordSchema<>("question", List.of(
            RecordSchema.Field.text("answer", Answer::text),
            RecordSchema.Field.number("score", "score", Answer::score, "%.3f"),
            RecordSchema.Field.jsonOnly("tokens", Answer::tokens)),
            (q, a) -> String.format(Locale.ROOT, "%s\t%.1f\t%s", q, a.score(), a.text()));

    private static String write(OutputFormat format) {
        StringWriter s = new StringWriter();
        RecordWriter<Answer> w = new RecordWriter<>(new PrintWriter(s), format, SCHEMA);
        w.success("q1", new Answer("two, maybe \"three\"", -0.25, List.of("two", "maybe")));
        w.failure("q 2", "no image, sorry");
        w.finish();
        return s.toString();
    }

    @Test
    void csvHasTheSchemaColumnsThenErrorAndQuotesAsRfc4180() {
        assertEquals(List.of("question,answer,score,error",
                "q1,\"two, maybe \"\"three\"\"\",-0.250,",
                "q 2,,,\"no image, sorry\""), write(OutputFormat.csv).lines().toList());
    }

    @Test
    void jsonRecordsCarryEveryFieldAndNullsForAFailure() throws Exception {
        JsonNode all = Json.MAPPER.readTree(write(OutputFormat.json));
        assertEquals(2, all.size());
        assertEquals("two, maybe \"three\"", all.get(0).get("answer").asText());
        assertEquals(-0.25, all.get(0).get("score").asDouble());
        assertEquals(List.of("two", "maybe"), List.of(all.get(0).get("tokens").get(0).asText(), all.get(0).get("tokens").get(1).asText()));
        assertTrue(all.get(0).get("error").isNull());
        assertEquals("q 2", all.get(1).get("question").asText());
        assertTrue(all.get(1).get("answer").isNull());
        assertTrue(all.get(1).get("tokens").isNull());
        assertEquals("no image, sorry", all.get(1).get("error").asText());
    }

    @Test
    void jsonlIsOneObjectPerInputAndTextOnlySuccesses() throws Exception {
        List<String> lines = write(OutputFormat.jsonl).lines().toList();
        assertEquals(2, lines.size());
        assertEquals("q1", Json.MAPPER.readTree(lines.get(0)).get("question").asText());
        assertEquals("no image, sorry", Json.MAPPER.readTree(lines.get(1)).get("error").asText());
        assertEquals(List.of("q1\t-0.3\ttwo, maybe \"three\""), write(OutputFormat.text).lines().toList());
    }

    @Test
    void csvQuotesLeadingAndTrailingSpaceAndLineBreaks() {
        assertEquals("plain", RecordWriter.csv("plain"));
        assertEquals("\" padded\"", RecordWriter.csv(" padded"));
        assertEquals("\"two\nlines\"", RecordWriter.csv("two\nlines"));
    }
}
