package dev.vlsuite.assets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.dataset.KarpathyJson;
import dev.vlsuite.assets.dataset.SceneWriter;
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
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundled sample scenes (8 PNGs with dataset.json, questions.json, annotations.json, scenes.json)
 * kept as class-path resources under {@value #RESOURCE_DIR}. Tools need a real folder, also when they
 * run from a jar, so the files are copied out once to a cache folder keyed by the content's hash.
 */
public final class Samples {
    public static final String RESOURCE_DIR = "/dev/vlsuite/assets/samples/";
    /** The seed and command that made the samples (see assets/README.md). */
    public static final long SEED = 2024;
    private static final List<String> JSON_FILES = List.of(SceneWriter.DATASET_JSON, SceneWriter.SCENES_JSON,
            SceneWriter.QUESTIONS_JSON, SceneWriter.ANNOTATIONS_JSON);

    private static Path cached;

    private Samples() {}

    /**
     * A folder holding the samples: the cache root ({@code -Dvlsuite.cache}, {@code $VLSUITE_CACHE} or
     * {@code ~/.cache/vlsuite}), then
     * {@code samples-<hash>}; extracted on first use (atomically: a temp folder renamed into place).
     */
    public static synchronized Path folder() {
        if (cached != null && cached.startsWith(cacheRoot()) && Files.isDirectory(cached)) return cached;
        try {
            Path target = cacheRoot().resolve("samples-" + contentHash());
            if (!Files.isRegularFile(target.resolve(SceneWriter.DATASET_JSON))) {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempDirectory(target.getParent(), ".samples-");
                extractTo(tmp);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                    deleteTree(tmp); // another process won the race: its copy is identical
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target);
                }
            }
            cached = target;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled samples: " + e.getMessage(), e);
        }
    }

    /** The sample image files, in dataset order. */
    public static List<Path> images() {
        Path dir = folder();
        List<Path> out = new ArrayList<>();
        for (String name : imageNames()) out.add(dir.resolve(KarpathyJson.IMAGE_FOLDER).resolve(name));
        return out;
    }

    /** Copies every sample file into {@code dir} (created if missing) and returns it. */
    public static Path extractTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : JSON_FILES) copy(f, SafePaths.resolveUnder(dir, f));
        for (String name : imageNames()) {
            String rel = KarpathyJson.IMAGE_FOLDER + "/" + name;
            copy(rel, SafePaths.resolveUnder(dir, rel));
        }
        return dir;
    }

    static List<String> imageNames() {
        try {
            JsonNode root = Json.MAPPER.readTree(resource(SceneWriter.DATASET_JSON));
            List<String> names = new ArrayList<>();
            for (JsonNode img : root.get("images")) names.add(img.get("filename").asText());
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("bundled samples dataset.json is unreadable", e);
        }
    }

    private static void copy(String resourceName, Path target) throws IOException {
        byte[] bytes = resource(resourceName);
        AtomicFiles.write(target, out -> out.write(bytes));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Samples.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) throw new IOException("missing bundled sample resource " + RESOURCE_DIR + name);
            return in.readAllBytes();
        }
    }

    /** {@code -Dvlsuite.cache=DIR}, else {@code $VLSUITE_CACHE}, else {@code ~/.cache/vlsuite}. */
    static Path cacheRoot() {
        String prop = System.getProperty("vlsuite.cache");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String env = System.getenv("VLSUITE_CACHE");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".cache", "vlsuite");
    }

    /** SHA-256 over every sample file: a changed image gets a fresh cache folder. */
    private static String contentHash() throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String f : JSON_FILES) md.update(resource(f));
            for (String name : imageNames()) md.update(resource(KarpathyJson.IMAGE_FOLDER + "/" + name));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
