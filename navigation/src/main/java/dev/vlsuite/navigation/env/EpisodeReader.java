package dev.vlsuite.navigation.env;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads an R2R episodes file ({@code R2R_<split>.json}): a JSON list of {distance, scan, path_id, path, heading,
 * instructions}. A malformed entry is reported (file, index, reason) and skipped; an unreadable file is refused.
 */
public final class EpisodeReader {
    private EpisodeReader() {}

    public static List<Episode> read(Path file) {
        return read(file, line -> {
            throw new NavigationDataException(line);
        });
    }

    public static List<Episode> read(Path file, Consumer<String> onBadEntry) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new NavigationDataException(file + ": not readable as JSON: " + ConnectivityReader.firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isArray()) throw new NavigationDataException(file + ": expected a JSON list of R2R episodes");
        List<Episode> out = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode e = root.get(i);
            String where = file + ": episode " + i + ": ";
            String problem = problem(e);
            if (problem != null) {
                onBadEntry.accept(where + problem);
                continue;
            }
            List<String> path = new ArrayList<>();
            e.get("path").forEach(v -> path.add(v.asText()));
            List<String> instructions = new ArrayList<>();
            JsonNode ins = e.get("instructions");
            if (ins != null) ins.forEach(t -> instructions.add(t.asText()));
            out.add(new Episode(e.get("scan").asText(), e.get("path_id").asInt(), path,
                    e.has("heading") ? e.get("heading").asDouble() : 0.0, instructions,
                    e.has("distance") ? e.get("distance").asDouble() : Double.NaN));
        }
        return out;
    }

    private static String problem(JsonNode e) {
        if (e == null || !e.isObject()) return "not an object";
        if (!e.path("scan").isTextual()) return "missing 'scan'";
        if (!e.path("path_id").isIntegralNumber()) return "'path_id' must be an integer";
        JsonNode path = e.get("path");
        if (path == null || !path.isArray() || path.isEmpty()) return "'path' must be a non-empty list of viewpoint ids";
        for (JsonNode v : path) if (!v.isTextual()) return "'path' must hold viewpoint ids";
        if (e.has("heading") && !e.get("heading").isNumber()) return "'heading' must be a number (radians)";
        JsonNode ins = e.get("instructions");
        if (ins != null && !ins.isArray()) return "'instructions' must be a list";
        return null;
    }
}
