package dev.vlsuite.navigation.env;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The official agent output: {@code [{"instr_id": "<path_id>_<i>", "trajectory": [[viewpoint, heading, elevation], ...]}]}.
 * Reading keeps every entry in file order (duplicates too: the scorer decides, as the official one does).
 */
public final class Trajectories {
    private Trajectories() {}

    /** An entry as read: the instruction id is null when the file's value is not a string (officially: ignored). */
    public record Entry(String instrId, List<TrajectoryStep> steps, String problem) {}

    public static List<Entry> read(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new NavigationDataException(file + ": not readable as JSON: " + ConnectivityReader.firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isArray()) throw new NavigationDataException(file + ": expected a JSON list of {instr_id, trajectory}");
        List<Entry> out = new ArrayList<>(root.size());
        for (JsonNode item : root) {
            JsonNode id = item.path("instr_id");
            String instrId = id.isTextual() ? id.asText() : null;
            List<TrajectoryStep> steps = new ArrayList<>();
            String problem = null;
            JsonNode t = item.path("trajectory");
            if (!t.isArray()) {
                problem = "'trajectory' is not a list";
            } else {
                for (JsonNode s : t) {
                    if (!s.isArray() || s.isEmpty() || !s.get(0).isTextual()) {
                        problem = "a trajectory entry is not [viewpoint, heading, elevation]";
                        break;
                    }
                    steps.add(new TrajectoryStep(s.get(0).asText(), s.path(1).asDouble(0), s.path(2).asDouble(0)));
                }
                if (problem == null && steps.isEmpty()) problem = "empty trajectory";
            }
            out.add(new Entry(instrId, steps, problem));
        }
        return out;
    }

    /** Writes trajectories atomically in the official format. */
    public static void write(Path file, List<Trajectory> trajectories) throws IOException {
        AtomicFiles.write(file, out -> {
            JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out);
            g.writeStartArray();
            for (Trajectory tr : trajectories) {
                g.writeStartObject();
                g.writeStringField("instr_id", tr.instrId());
                g.writeArrayFieldStart("trajectory");
                for (TrajectoryStep s : tr.steps()) {
                    g.writeStartArray();
                    g.writeString(s.viewpoint());
                    g.writeNumber(s.heading());
                    g.writeNumber(s.elevation());
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.flush();
        });
    }
}
