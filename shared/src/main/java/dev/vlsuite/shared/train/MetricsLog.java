package dev.vlsuite.shared.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONL metrics log: one object per line, each appended with a single write so a killed run leaves at worst
 * one torn last line, which {@link #keepUpTo} drops on resume together with lines past the checkpoint.
 */
public final class MetricsLog {
    private final Path file;

    public MetricsLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public void append(ObjectNode entry) throws IOException {
        byte[] line = (Json.MAPPER.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** Starts an empty log (a fresh run). */
    public void reset() throws IOException {
        AtomicFiles.writeString(file, "");
    }

    /** Keeps the lines of steps up to {@code step} (a resumed run re-does the rest), dropping torn lines. */
    public void keepUpTo(long step) throws IOException {
        if (!Files.exists(file)) return;
        StringBuilder kept = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                JsonNode node = Json.MAPPER.readTree(line);
                if (node != null && node.isObject() && node.path("step").asLong(Long.MAX_VALUE) <= step) {
                    kept.append(line).append('\n');
                }
            } catch (IOException torn) {
                // a line cut by a kill: the resumed run writes it again
            }
        }
        AtomicFiles.writeString(file, kept.toString());
    }

    /** Every entry, in order (for tools and tests). */
    public List<JsonNode> read() throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        if (!Files.exists(file)) return entries;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) entries.add(Json.MAPPER.readTree(line));
        }
        return entries;
    }
}
