package dev.vlsuite.shared.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one JSON library of vlsuite (Jackson), configured once. */
public final class Json {
    /** Lenient on unknown fields (public datasets carry many), strict on syntax. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, false)
            .configure(SerializationFeature.INDENT_OUTPUT, false);

    private Json() {}
}
