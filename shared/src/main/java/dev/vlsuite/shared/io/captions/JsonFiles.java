package dev.vlsuite.shared.io.captions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading a JSON caption file with errors that name the file and the reason. The tree is built from
 * Jackson's streaming parser, not through an ObjectMapper: building the mapper costs about 0.4 s of
 * CPU in a fresh JVM, more than parsing a 5,000-image file (bin/score starts a JVM per run; BENCHMARKS.md).
 * Same tree as ObjectMapper.readTree: a repeated key keeps its last value, content after the first
 * value is ignored.
 */
final class JsonFiles {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonFiles() {}

    static JsonNode read(Path file) {
        try (var in = Files.newInputStream(file); JsonParser p = FACTORY.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new CaptionFormatException(file, "empty file");
            return value(p, first);
        } catch (NoSuchFileException e) {
            throw new CaptionFormatException(file, "no such file");
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new CaptionFormatException(file, "malformed JSON" + at + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CaptionFormatException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    // one value starting at the parser's current token, recursively (caption files nest 3-4 levels)
    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        if (t == null) throw new JsonParseException(p, "unexpected end of input");
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    if (k != JsonToken.FIELD_NAME) throw new JsonParseException(p, "expected a field name, found " + k);
                    String name = p.currentName();
                    o.set(name, value(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) a.add(value(p, k));
                return a;
            }
            case VALUE_STRING -> { return NODES.textNode(p.getText()); }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> { return NODES.numberNode(p.getDoubleValue()); }
            case VALUE_TRUE -> { return NODES.booleanNode(true); }
            case VALUE_FALSE -> { return NODES.booleanNode(false); }
            case VALUE_NULL -> { return NODES.nullNode(); }
            default -> throw new JsonParseException(p, "unexpected token " + t);
        }
    }

    /** A numeric or text id as text; anything else is a format error at {@code where}. */
    static String id(Path file, JsonNode n, String where) {
        if (n != null && n.isIntegralNumber()) return n.bigIntegerValue().toString();
        if (n != null && n.isTextual() && !n.asText().isEmpty()) return n.asText();
        throw new CaptionFormatException(file, where + (n == null ? " is missing" : " is not an integer or a string id"));
    }

    static String kind(JsonNode n) {
        return n.isObject() ? "an object" : n.isArray() ? "an array" : n.getNodeType().toString().toLowerCase();
    }
}
