package dev.vlsuite.assets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.dataset.HouseWriter;
import dev.vlsuite.assets.house.ViewRenderer;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private static final BundledFolder BUNDLE = new BundledFolder(RESOURCE_DIR, "house-samples", "the bundled sample houses",
            HouseSamples::listFiles);

    private HouseSamples() {}

    /** A folder in the houses layout (connectivity/, views/, R2R_*.json, houses.json). */
    public static Path folder() {
        return BUNDLE.folder();
    }

    /** The scan ids of the sample houses, in houses.json order. */
    public static List<String> scans() {
        return scans(BUNDLE);
    }

    private static List<String> scans(BundledFolder bundle) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : housesJson(bundle).get("scans")) out.add(s.get("scan").asText());
        return out;
    }

    /** Copies every sample file into {@code dir} (created if missing) and returns it; houses.json last. */
    public static Path extractTo(Path dir) throws IOException {
        return BUNDLE.extractTo(dir);
    }

    /** Every sample file, relative to the folder; houses.json last (a reader that sees it sees the rest). */
    static List<String> files() {
        return BUNDLE.files();
    }

    private static List<String> listFiles(BundledFolder bundle) {
        List<String> out = new ArrayList<>();
        for (String split : HouseWriter.SPLITS) out.add("R2R_" + split + ".json");
        for (String scan : scans(bundle)) {
            String conn = HouseWriter.CONNECTIVITY + "/" + scan + "_connectivity.json";
            out.add(conn);
            try {
                for (JsonNode vp : Json.MAPPER.readTree(bundle.resourceOrFail(conn))) {
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

    private static JsonNode housesJson(BundledFolder bundle) {
        try {
            return Json.MAPPER.readTree(bundle.resourceOrFail(HouseWriter.HOUSES_JSON));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled sample houses.json is unreadable", e);
        }
    }
}
