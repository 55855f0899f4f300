package dev.vlsuite.shared.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One file per model: format version, task, architecture config, vocabulary, parameters, training metadata,
 * and a SHA-256 over all of it (see {@link EntryFile} for the byte layout). Entries: {@code manifest.json}
 * (format, task, the SHA-256 of each other entry), {@code config.json}, {@code vocabulary.json},
 * {@code metadata.json}, {@code parameters.djl}, then {@code extra/<name>} for each extra. Written atomically.
 */
public final class ModelBundle {
    /** The format this code writes; files with a higher number are refused. */
    public static final int FORMAT_VERSION = 1;
    /** The file name extension used by vlsuite tools. */
    public static final String EXTENSION = ".vlm";

    private static final String MANIFEST = "manifest.json";
    private static final String CONFIG = "config.json";
    private static final String VOCABULARY = "vocabulary.json";
    private static final String METADATA = "metadata.json";
    private static final String PARAMETERS = "parameters.djl";
    private static final String EXTRA = "extra/";

    private ModelBundle() {}

    public static void write(Path file, BundleContents contents) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(CONFIG, json(contents.config()));
        entries.put(VOCABULARY, json(contents.vocabulary()));
        entries.put(METADATA, json(contents.metadata()));
        entries.put(PARAMETERS, contents.parameters());
        contents.extras().forEach((name, bytes) -> entries.put(EXTRA + name, bytes));
        ObjectNode manifest = Json.MAPPER.createObjectNode();
        manifest.put("format", "vlsuite-model");
        manifest.put("formatVersion", FORMAT_VERSION);
        manifest.put("task", contents.task());
        ObjectNode sums = manifest.putObject("sha256");
        entries.forEach((name, bytes) -> sums.put(name, EntryFile.sha256Hex(bytes)));
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        ordered.put(MANIFEST, json(manifest)); // first, so a reader learns the task before the big entries
        ordered.putAll(entries);
        EntryFile.write(file, FORMAT_VERSION, ordered);
    }

    /**
     * Reads and verifies a bundle.
     *
     * @param expectedTask the task the caller can run; null accepts any
     * @throws BundleException (one line naming the file and the reason) for a missing file, a file that is no
     *     bundle, a newer format version, a checksum mismatch, or a bundle of another task
     */
    public static BundleContents read(Path file, String expectedTask) throws IOException {
        EntryFile.Parsed parsed = EntryFile.read(file, FORMAT_VERSION);
        Map<String, byte[]> entries = parsed.entries();
        JsonNode manifest = parseJson(file, entries, MANIFEST);
        String task = manifest.path("task").asText("");
        if (expectedTask != null && !expectedTask.equals(task)) {
            throw new BundleException(file, "is a '" + task + "' model, not a '" + expectedTask + "' model");
        }
        JsonNode sums = manifest.path("sha256");
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().equals(MANIFEST)) continue;
            if (!EntryFile.sha256Hex(e.getValue()).equals(sums.path(e.getKey()).asText())) {
                throw new BundleException(file, "checksum mismatch in entry " + e.getKey());
            }
        }
        if (!entries.containsKey(PARAMETERS)) throw new BundleException(file, "has no " + PARAMETERS + " entry");
        Map<String, byte[]> extras = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> {
            if (name.startsWith(EXTRA)) extras.put(name.substring(EXTRA.length()), bytes);
        });
        return new BundleContents(task, parseJson(file, entries, CONFIG), parseJson(file, entries, VOCABULARY),
                parseJson(file, entries, METADATA), entries.get(PARAMETERS), extras);
    }

    private static byte[] json(JsonNode node) throws IOException {
        return Json.MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode parseJson(Path file, Map<String, byte[]> entries, String name) throws BundleException {
        byte[] bytes = entries.get(name);
        if (bytes == null) throw new BundleException(file, "has no " + name + " entry");
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new BundleException(file, name + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
