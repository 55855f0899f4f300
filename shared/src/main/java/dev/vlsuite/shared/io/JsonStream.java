package dev.vlsuite.shared.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading big dataset JSON files entry by entry: the top-level object's fields, or the elements of an array, each
 * element as a small tree. A 200k-entry file is never one tree. Problems go to {@link Errors}, which turns
 * "file, reason" into the caller's own exception type.
 */
public final class JsonStream {
    private JsonStream() {}

    /** Makes the caller's exception from the file name and the reason. */
    @FunctionalInterface
    public interface Errors {
        RuntimeException error(String file, String reason, Throwable cause);
    }

    @FunctionalInterface
    public interface FieldHandler {
        /** The parser is on the field's value; consume it (read it, stream it, or {@code p.skipChildren()}). */
        void field(String name, JsonParser p) throws IOException;
    }

    @FunctionalInterface
    public interface ElementHandler {
        void element(JsonNode node, int index) throws IOException;
    }

    @FunctionalInterface
    public interface ParserWork {
        void run(JsonParser p) throws IOException;
    }

    /** Opens the file and runs {@code work} on its parser, mapping I/O and syntax errors through {@code errors}. */
    public static void parse(Path file, Errors errors, ParserWork work) {
        String name = file.toString();
        try (JsonParser p = Json.MAPPER.getFactory().createParser(Files.newInputStream(file))) {
            work.run(p);
        } catch (NoSuchFileException e) {
            throw errors.error(name, "no such file", null);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw errors.error(name, "malformed JSON" + at + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw errors.error(name, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The top-level value must be an object; each field is handed over in file order. */
    public static void fields(Path file, Errors errors, FieldHandler handler) {
        parse(file, errors, p -> {
            JsonToken first = p.nextToken();
            if (first == null) throw errors.error(file.toString(), "empty file", null);
            if (first != JsonToken.START_OBJECT) throw errors.error(file.toString(), "not a JSON object", null);
            objectFields(p, handler);
        });
    }

    /** The parser is on START_OBJECT: hands over each field, ends on END_OBJECT. */
    public static void objectFields(JsonParser p, FieldHandler handler) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) throw new com.fasterxml.jackson.core.JsonParseException(p, "expected a field name");
            String field = p.currentName();
            p.nextToken();
            handler.field(field, p);
        }
    }

    /** The top-level value must be an array ({@code notArray} is the reason otherwise); each element in order. */
    public static void elements(Path file, Errors errors, String notArray, ElementHandler handler) {
        parse(file, errors, p -> {
            JsonToken first = p.nextToken();
            if (first == null) throw errors.error(file.toString(), "empty file", null);
            if (first != JsonToken.START_ARRAY) throw errors.error(file.toString(), notArray, null);
            arrayElements(p, handler);
        });
    }

    /** The parser is on START_ARRAY: hands over each element as a tree, ends on END_ARRAY. */
    public static void arrayElements(JsonParser p, ElementHandler handler) throws IOException {
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input");
            handler.element(Json.MAPPER.readTree(p), i++);
        }
    }
}
