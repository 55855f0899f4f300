package dev.vlsuite.video.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.SafePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Video caption data sets in the layouts users have. Now: MSR-VTT ({@code videodatainfo.json}:
 * {@code videos[{video_id, split}]}, {@code sentences[{video_id, caption}]}; the clip is {@code <video_id>.mp4} or
 * another container under the videos folder). Paths never escape the videos folder.
 */
public final class VideoCorpus {
    /** Extensions tried, in order, for {@code <video_id>.EXT} (MSR-VTT ships .mp4). */
    private static final List<String> EXTENSIONS = List.of("mp4", "avi", "webm", "mkv", "mov");

    /** One video with its reference captions. */
    public record Item(String id, Path file, String split, List<String> captions) {}

    private VideoCorpus() {}

    /**
     * Reads an MSR-VTT json. {@code videos} null: the {@code videos} folder beside the json (what
     * {@code bin/synth videos} writes).
     *
     * @param onBadEntry one line per video that has no file or no caption; the rest is read
     * @throws IOException when the json is unreadable or not in the MSR-VTT layout
     */
    public static List<Item> readMsrVtt(Path json, Path videos, java.util.function.Consumer<String> onBadEntry) throws IOException {
        Path dir = videos != null ? videos : json.toAbsolutePath().getParent().resolve("videos");
        JsonNode root = Json.MAPPER.readTree(json.toFile());
        JsonNode vs = root.get("videos"), ss = root.get("sentences");
        if (vs == null || !vs.isArray() || ss == null || !ss.isArray()) {
            throw new IOException(json + ": not an MSR-VTT file (needs arrays \"videos\" and \"sentences\")");
        }
        Map<String, List<String>> captions = new LinkedHashMap<>();
        for (JsonNode s : ss) {
            String id = s.path("video_id").asText(null), cap = s.path("caption").asText(null);
            if (id == null || cap == null) continue;
            captions.computeIfAbsent(id, k -> new ArrayList<>()).add(cap);
        }
        List<Item> out = new ArrayList<>();
        for (JsonNode v : vs) {
            String id = v.path("video_id").asText(null);
            if (id == null) continue;
            String split = v.path("split").asText("train");
            List<String> caps = captions.getOrDefault(id, List.of());
            if (caps.isEmpty()) {
                onBadEntry.accept(json + ": video " + id + " has no caption; skipped");
                continue;
            }
            Path file;
            try {
                file = find(dir, id);
            } catch (IllegalArgumentException e) {
                onBadEntry.accept(json + ": video " + id + ": " + e.getMessage() + "; skipped");
                continue;
            }
            if (file == null) {
                onBadEntry.accept(dir.resolve(id + ".mp4") + ": no such file (video " + id + "); skipped");
                continue;
            }
            out.add(new Item(id, file, split, List.copyOf(caps)));
        }
        return out;
    }

    private static Path find(Path dir, String id) {
        for (String ext : EXTENSIONS) {
            Path p = SafePaths.resolveUnder(dir, id + "." + ext);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    /** The items of the given splits, in file order. */
    public static List<Item> split(List<Item> items, List<String> splits) {
        return items.stream().filter(i -> splits.contains(i.split())).toList();
    }
}
