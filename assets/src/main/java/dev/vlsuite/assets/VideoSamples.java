package dev.vlsuite.assets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.dataset.VideoDatasetWriter;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.SafePaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The bundled sample clips (8 MPEG-4 files of 36 frames at 112 px, 12 fps, with videodatainfo.json and
 * groundtruth.json) kept as class-path resources under {@value #RESOURCE_DIR}; made by
 * {@code bin/synth videos --count 8 --seed 2025 --layout msrvtt}. Copied out once to a cache folder
 * keyed by the content's hash, as {@link Samples} does for the still images.
 */
public final class VideoSamples {
    public static final String RESOURCE_DIR = "/dev/vlsuite/assets/samples/videos/";
    public static final long SEED = 2025;
    private static final List<String> JSON_FILES = List.of(VideoDatasetWriter.MSRVTT_JSON, VideoDatasetWriter.GROUND_TRUTH_JSON);

    private static Path cached;

    private VideoSamples() {}

    /** A folder holding the sample dataset (MSR-VTT layout): {@code videos/videoN.mp4}, the two JSON files. */
    public static synchronized Path folder() {
        if (cached != null && cached.startsWith(Samples.cacheRoot()) && Files.isDirectory(cached)) return cached;
        try {
            Path target = Samples.cacheRoot().resolve("video-samples-" + contentHash());
            if (!Files.isRegularFile(target.resolve(VideoDatasetWriter.MSRVTT_JSON))) {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempDirectory(target.getParent(), ".video-samples-");
                extractTo(tmp);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                    try (var s = Files.walk(tmp)) { // another process won the race: its copy is identical
                        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                    }
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target);
                }
            }
            cached = target;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled sample videos: " + e.getMessage(), e);
        }
    }

    /** The sample video files, in dataset order. */
    public static List<Path> videos() {
        Path dir = folder();
        List<Path> out = new ArrayList<>();
        for (String rel : videoFiles()) out.add(dir.resolve(rel));
        return out;
    }

    /** Copies every sample file into {@code dir} (created if missing) and returns it. */
    public static Path extractTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : JSON_FILES) copy(f, SafePaths.resolveUnder(dir, f));
        for (String rel : videoFiles()) copy(rel, SafePaths.resolveUnder(dir, rel));
        return dir;
    }

    /** Paths relative to the dataset folder, e.g. "videos/video0.mp4". */
    static List<String> videoFiles() {
        try {
            JsonNode root = Json.MAPPER.readTree(resource(VideoDatasetWriter.MSRVTT_JSON));
            List<String> names = new ArrayList<>();
            for (JsonNode v : root.get("videos")) names.add(VideoDatasetWriter.MSRVTT_FOLDER + "/" + v.get("video_id").asText() + ".mp4");
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("bundled sample videodatainfo.json is unreadable", e);
        }
    }

    private static void copy(String resourceName, Path target) throws IOException {
        byte[] bytes = resource(resourceName);
        AtomicFiles.write(target, out -> out.write(bytes));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = VideoSamples.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) throw new IOException("missing bundled sample resource " + RESOURCE_DIR + name);
            return in.readAllBytes();
        }
    }

    private static String contentHash() throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String f : JSON_FILES) md.update(resource(f));
            for (String rel : videoFiles()) md.update(resource(rel));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
