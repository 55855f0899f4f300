package dev.vlsuite.vqa.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.SafePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the image of an image id under the images root, never outside it. Tried in order:
 * <ol>
 *   <li>a Karpathy {@code dataset.json} in the root (the synthetic world writes one): its {@code filepath/filename}
 *       of the entry whose {@code imgid} (or {@code cocoid}) is the id; it also gives the image's split;</li>
 *   <li>COCO names: {@code COCO_<subtype>_<id:012d>.jpg} for the questions file's {@code data_subtype} and the usual
 *       subtypes, in the root and in {@code <root>/<subtype>/};</li>
 *   <li>plain {@code <id:012d>.jpg} (COCO 2017 layout), {@code <id:012d>.png}, and the synthetic world's
 *       {@code images/<id:06d>.png}.</li>
 * </ol>
 */
public final class ImageLocator {
    private static final List<String> COCO_SUBTYPES = List.of("train2014", "val2014", "test2015", "test-dev2015");

    private final Path root;
    private final Map<Long, String> karpathyFiles = new HashMap<>();
    private final Map<Long, String> splits = new HashMap<>();
    private final String karpathySource;

    private ImageLocator(Path root, String karpathySource) {
        this.root = root;
        this.karpathySource = karpathySource;
    }

    /**
     * @throws IOException when the root's dataset.json exists but is not readable JSON (one line naming it)
     */
    public static ImageLocator open(Path root) throws IOException {
        Path dataset = root.resolve("dataset.json");
        if (!Files.isRegularFile(dataset)) return new ImageLocator(root, null);
        ImageLocator l = new ImageLocator(root, dataset.toString());
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(dataset.toFile());
        } catch (IOException e) {
            throw new IOException(dataset + ": not a readable dataset.json (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        JsonNode images = tree == null ? null : tree.get("images");
        if (images == null || !images.isArray()) return new ImageLocator(root, null);
        for (JsonNode img : images) {
            JsonNode id = img.has("imgid") ? img.get("imgid") : img.get("cocoid");
            JsonNode name = img.get("filename");
            if (id == null || !id.canConvertToLong() || name == null || !name.isTextual()) continue;
            String dir = img.hasNonNull("filepath") ? img.get("filepath").asText() : "";
            l.karpathyFiles.put(id.asLong(), dir.isEmpty() ? name.asText() : dir + "/" + name.asText());
            if (img.hasNonNull("split")) l.splits.put(id.asLong(), img.get("split").asText());
        }
        return l;
    }

    public Path root() {
        return root;
    }

    /** The image's split in the root's dataset.json; null without one. */
    public String split(long imageId) {
        return splits.get(imageId);
    }

    /** Whether the root has a dataset.json with splits. */
    public boolean hasSplits() {
        return !splits.isEmpty();
    }

    /**
     * The image file of {@code imageId}.
     *
     * @throws IllegalArgumentException one reason when the dataset.json path escapes the root or no file exists
     */
    public Path locate(long imageId, String dataSubtype) {
        String named = karpathyFiles.get(imageId);
        if (named != null) {
            Path p;
            try {
                p = SafePaths.resolveUnder(root, named);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(karpathySource + ": image " + imageId + ": " + e.getMessage());
            }
            if (!Files.isRegularFile(p)) throw new IllegalArgumentException("image " + imageId + ": " + p + " does not exist");
            return p;
        }
        if (imageId < 0) throw new IllegalArgumentException("image id " + imageId + " is negative");
        String coco = String.format(Locale.ROOT, "%012d", imageId);
        List<String> candidates = new java.util.ArrayList<>();
        if (dataSubtype != null && !dataSubtype.isBlank()) addCoco(candidates, dataSubtype, coco);
        for (String s : COCO_SUBTYPES) if (!s.equals(dataSubtype)) addCoco(candidates, s, coco);
        candidates.add(coco + ".jpg");
        candidates.add(coco + ".png");
        candidates.add("images/" + String.format(Locale.ROOT, "%06d", imageId) + ".png");
        candidates.add(String.format(Locale.ROOT, "%06d", imageId) + ".png");
        for (String c : candidates) {
            Path p = SafePaths.resolveUnder(root, c);
            if (Files.isRegularFile(p)) return p;
        }
        throw new IllegalArgumentException("image " + imageId + ": no file under " + root + " (tried COCO_"
                + Optional.ofNullable(dataSubtype).filter(s -> !s.isBlank()).orElse("<subtype>") + "_" + coco + ".jpg, " + coco
                + ".jpg and images/" + String.format(Locale.ROOT, "%06d", imageId) + ".png)");
    }

    /** Only subtypes that are plain folder names: a data_subtype from a file never walks out of the root. */
    private static void addCoco(List<String> out, String subtype, String id) {
        if (!subtype.matches("[A-Za-z0-9_-]+")) return;
        String name = "COCO_" + subtype + "_" + id + ".jpg";
        out.add(name);
        out.add(subtype + "/" + name);
    }
}
