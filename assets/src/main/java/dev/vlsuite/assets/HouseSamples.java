package dev.vlsuite.assets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.dataset.HouseWriter;
import dev.vlsuite.assets.house.ViewRenderer;
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
 * The bundled sample houses (two small houses, one seen and one unseen, with their connectivity, 36 views
 * per viewpoint, R2R episodes and houses.json) kept as class-path resources under {@value #RESOURCE_DIR};
 * made by the command in assets/README.md ("Bundled sample houses"). Copied out once to a cache folder
 * keyed by the content's hash, as {@link Samples} does for the still images.
 */
public final class HouseSamples {
    public static final String RESOURCE_DIR = "/dev/vlsuite/assets/samples/houses/";
    public static final long SEED = 2026;
    /** The options of the command that made them (assets/README.md); SamplesTest-style checks regenerate with these. */
    public static final String[] COMMAND = {"houses", "--count", "2", "--seed", "2026", "--rooms", "4,6", "--train-paths", "20",
            "--val-seen-paths", "5", "--unseen-paths", "10", "--unseen", "0.5"};

    private static Path cached;

    private HouseSamples() {}

    /** A folder in the houses layout (connectivity/, views/, R2R_*.json, houses.json). */
    public static synchronized Path folder() {
        if (cached != null && cached.startsWith(Samples.cacheRoot()) && Files.isDirectory(cached)) return cached;
        try {
            Path target = Samples.cacheRoot().resolve("house-samples-" + contentHash());
            if (!Files.isRegularFile(target.resolve(HouseWriter.HOUSES_JSON))) {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempDirectory(target.getParent(), ".house-samples-");
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
            throw new UncheckedIOException("cannot extract the bundled sample houses: " + e.getMessage(), e);
        }
    }

    /** The scan ids of the sample houses, in houses.json order. */
    public static List<String> scans() {
        List<String> out = new ArrayList<>();
        for (JsonNode s : housesJson().get("scans")) out.add(s.get("scan").asText());
        return out;
    }

    /**
     * Copies every sample file into {@code dir} (created if missing) and returns it. houses.json comes last and
     * atomically; the ~2,000 small views are plain writes (an fsync each made extraction take a minute on a busy
     * disk), and {@link #folder()} publishes its copy by renaming a finished temporary folder.
     */
    public static Path extractTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String rel : files()) {
            Path target = SafePaths.resolveUnder(dir, rel);
            if (rel.equals(HouseWriter.HOUSES_JSON)) {
                copy(rel, target);
            } else {
                Files.createDirectories(target.getParent());
                Files.write(target, resource(rel));
            }
        }
        return dir;
    }

    /** Every sample file, relative to the folder; houses.json last (a reader that sees it sees the rest). */
    static List<String> files() {
        List<String> out = new ArrayList<>();
        for (String split : HouseWriter.SPLITS) out.add("R2R_" + split + ".json");
        for (String scan : scans()) {
            String conn = HouseWriter.CONNECTIVITY + "/" + scan + "_connectivity.json";
            out.add(conn);
            try {
                for (JsonNode vp : Json.MAPPER.readTree(resource(conn))) {
                    String id = vp.get("image_id").asText();
                    for (int ix = 0; ix < ViewRenderer.VIEWS; ix++) out.add(HouseWriter.VIEWS + "/" + scan + "/" + id + "/" + ix + ".png");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("bundled sample " + conn + " is unreadable", e);
            }
        }
        out.add(HouseWriter.HOUSES_JSON);
        return out;
    }

    private static JsonNode housesJson() {
        try {
            return Json.MAPPER.readTree(resource(HouseWriter.HOUSES_JSON));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled sample houses.json is unreadable", e);
        }
    }

    private static void copy(String resourceName, Path target) throws IOException {
        byte[] bytes = resource(resourceName);
        AtomicFiles.write(target, out -> out.write(bytes));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = HouseSamples.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) throw new IOException("missing bundled sample resource " + RESOURCE_DIR + name);
            return in.readAllBytes();
        }
    }

    private static String contentHash() throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String rel : files()) md.update(resource(rel));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
