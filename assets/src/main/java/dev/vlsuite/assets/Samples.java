package dev.vlsuite.assets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.dataset.KarpathyJson;
import dev.vlsuite.assets.dataset.SceneWriter;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    private static final BundledFolder BUNDLE = new BundledFolder(RESOURCE_DIR, "samples", "the bundled samples", Samples::listFiles);

    private Samples() {}

    /**
     * A folder holding the samples: the cache root ({@code -Dvlsuite.cache}, {@code $VLSUITE_CACHE} or
     * {@code ~/.cache/vlsuite}), then
     * {@code samples-<hash>}; extracted on first use (atomically: a temp folder renamed into place).
     */
    public static Path folder() {
        return BUNDLE.folder();
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
        return BUNDLE.extractTo(dir);
    }

    static List<String> imageNames() {
        return imageNames(BUNDLE);
    }

    private static List<String> imageNames(BundledFolder bundle) {
        try {
            JsonNode root = Json.MAPPER.readTree(bundle.resourceOrFail(SceneWriter.DATASET_JSON));
            List<String> names = new ArrayList<>();
            for (JsonNode img : root.get("images")) names.add(img.get("filename").asText());
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("bundled samples dataset.json is unreadable", e);
        }
    }

    /** The images, then the JSON files with dataset.json last (its presence marks a complete copy). */
    private static List<String> listFiles(BundledFolder bundle) {
        List<String> out = new ArrayList<>();
        for (String name : imageNames(bundle)) out.add(KarpathyJson.IMAGE_FOLDER + "/" + name);
        for (String f : JSON_FILES) if (!f.equals(SceneWriter.DATASET_JSON)) out.add(f);
        out.add(SceneWriter.DATASET_JSON);
        return out;
    }

    /** {@code -Dvlsuite.cache=DIR}, else {@code $VLSUITE_CACHE}, else {@code ~/.cache/vlsuite}. */
    static Path cacheRoot() {
        String prop = System.getProperty("vlsuite.cache");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String env = System.getenv("VLSUITE_CACHE");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".cache", "vlsuite");
    }
}
