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
 * Video caption data sets in the layouts users have: MSR-VTT ({@code videodatainfo.json}:
 * {@code videos[{video_id, split}]}, {@code sentences[{video_id, caption}]}; the clip is {@code <video_id>.mp4} or
 * another container under the videos folder) and MSVD ({@code video_corpus.csv}: VideoID, Start, End, ...,
 * Language, Description; English rows only; clips {@code <VideoID>_<Start>_<End>.avi}). Paths never escape the
 * videos folder.
 */
public final class VideoCorpus {
    /** Extensions tried, in order, for {@code <video_id>.EXT} (MSR-VTT ships .mp4). */
    private static final List<String> EXTENSIONS = List.of("mp4", "avi", "webm", "mkv", "mov");

    /** One video with its reference captions. */
    public record Item(String id, Path file, String split, List<String> captions) {}

    private VideoCorpus() {}

    /**
     * Reads {@code data} by its layout: a {@code .csv} is MSVD (split by {@code msvdTrain} / {@code msvdVal} clips),
     * anything else MSR-VTT json.
     */
    public static List<Item> read(Path data, Path videos, int msvdTrain, int msvdVal,
                                  java.util.function.Consumer<String> onBadEntry) throws IOException {
        boolean csv = data.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
        return csv ? readMsvd(data, videos, msvdTrain, msvdVal, onBadEntry) : readMsrVtt(data, videos, onBadEntry);
    }

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

    /**
     * Reads an MSVD csv. MSVD has no split column: clips are split in order of first appearance, the first
     * {@code trainCount} train, the next {@code valCount} validate, the rest test (Venugopalan et al.'s 1200 / 100 /
     * 670). {@code videos} null: the {@code YouTubeClips} folder beside the csv.
     */
    public static List<Item> readMsvd(Path csv, Path videos, int trainCount, int valCount,
                                      java.util.function.Consumer<String> onBadEntry) throws IOException {
        Path dir = videos != null ? videos : csv.toAbsolutePath().getParent().resolve("YouTubeClips");
        List<List<String>> rows = Csv.parse(Files.readString(csv));
        if (rows.isEmpty()) throw new IOException(csv + ": empty file");
        List<String> header = rows.get(0);
        int id = header.indexOf("VideoID"), start = header.indexOf("Start"), end = header.indexOf("End");
        int lang = header.indexOf("Language"), text = header.indexOf("Description");
        if (id < 0 || start < 0 || end < 0 || lang < 0 || text < 0) {
            throw new IOException(csv + ": not an MSVD file (needs columns VideoID, Start, End, Language, Description)");
        }
        Map<String, List<String>> captions = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() <= Math.max(Math.max(id, start), Math.max(Math.max(end, lang), text))) continue;
            if (!"English".equals(row.get(lang).trim())) continue;
            String desc = row.get(text).trim();
            if (desc.isEmpty()) continue;
            String clip = row.get(id) + "_" + row.get(start).trim() + "_" + row.get(end).trim();
            captions.computeIfAbsent(clip, k -> new ArrayList<>()).add(desc);
        }
        List<Item> out = new ArrayList<>();
        int order = 0;
        for (Map.Entry<String, List<String>> e : captions.entrySet()) {
            String split = order < trainCount ? "train" : order < trainCount + valCount ? "validate" : "test";
            order++;
            Path file;
            try {
                file = SafePaths.resolveUnder(dir, e.getKey() + ".avi");
            } catch (IllegalArgumentException bad) {
                onBadEntry.accept(csv + ": clip " + e.getKey() + ": " + bad.getMessage() + "; skipped");
                continue;
            }
            if (!Files.isRegularFile(file)) {
                onBadEntry.accept(file + ": no such file (clip " + e.getKey() + "); skipped");
                continue;
            }
            out.add(new Item(e.getKey(), file, split, List.copyOf(e.getValue())));
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
