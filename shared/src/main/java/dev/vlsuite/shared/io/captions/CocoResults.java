package dev.vlsuite.shared.io.captions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The COCO results format: [{"image_id": 42, "caption": "a dog"}, ...]. */
public final class CocoResults {
    private CocoResults() {}

    /**
     * All entries, in file order (duplicates included: the caller decides). Numeric ids become their
     * decimal text, so 42 and "42" are the same image.
     *
     * @throws CaptionFormatException naming the file and the first problem
     */
    public static List<CocoResult> read(Path file) {
        JsonNode root = JsonFiles.read(file);
        if (!root.isArray()) throw new CaptionFormatException(file, "expected a JSON array of {\"image_id\", \"caption\"} objects, found " + JsonFiles.kind(root));
        List<CocoResult> out = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode e = root.get(i);
            String where = "entry " + i;
            if (!e.isObject()) throw new CaptionFormatException(file, where + " is not an object");
            String id = JsonFiles.id(file, e.get("image_id"), where + ".image_id");
            JsonNode cap = e.get("caption");
            if (cap == null || !cap.isTextual()) throw new CaptionFormatException(file, where + " (image_id " + id + ") has no text \"caption\"");
            out.add(new CocoResult(id, cap.asText()));
        }
        return out;
    }

    /** Writes the results atomically; an id made of digits is written as a JSON number, as COCO does. */
    public static void write(Path file, List<CocoResult> results) throws IOException {
        AtomicFiles.write(file, out -> {
            try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
                g.writeStartArray();
                for (CocoResult r : results) {
                    g.writeStartObject();
                    if (isNumericId(r.imageId())) g.writeNumberField("image_id", Long.parseLong(r.imageId()));
                    else g.writeStringField("image_id", r.imageId());
                    g.writeStringField("caption", r.caption());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        });
    }

    static boolean isNumericId(String id) {
        if (id.isEmpty() || id.length() > 18 || (id.length() > 1 && id.charAt(0) == '0')) return false;
        for (int i = 0; i < id.length(); i++) if (id.charAt(i) < '0' || id.charAt(i) > '9') return false;
        return true;
    }
}
