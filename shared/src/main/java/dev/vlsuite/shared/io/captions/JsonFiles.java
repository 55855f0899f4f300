package dev.vlsuite.shared.io.captions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading a JSON caption file with errors that name the file and the reason. */
final class JsonFiles {
    private JsonFiles() {}

    static JsonNode read(Path file) {
        try (var in = Files.newInputStream(file)) {
            JsonNode n = Json.MAPPER.readTree(in);
            if (n == null || n.isMissingNode()) throw new CaptionFormatException(file, "empty file");
            return n;
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
