package dev.vlsuite.shared.io.captions;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the public caption dataset formats (see {@link CaptionDatasetFormat}), detecting which one a
 * file holds. Every malformed input is a {@link CaptionFormatException} naming the file and reason.
 */
public final class CaptionDatasets {
    private CaptionDatasets() {}

    /** Reads {@code file}, detecting Karpathy JSON, COCO annotations, a Flickr token file or an id map. */
    public static CaptionDataset read(Path file) {
        if (!looksLikeJson(file)) return readFlickrTokens(file, Map.of());
        JsonNode root = JsonFiles.read(file);
        if (!root.isObject()) throw new CaptionFormatException(file, "expected a JSON object (Karpathy split, COCO captions or {\"id\": [captions]}), found " + JsonFiles.kind(root));
        JsonNode images = root.get("images");
        if (root.has("annotations")) return readCoco(file, root);
        if (images != null && images.isArray() && (images.isEmpty() || images.get(0).has("sentences"))) return readKarpathy(file, images);
        if (images != null) throw new CaptionFormatException(file, "has \"images\" but neither \"annotations\" (COCO) nor images[].sentences (Karpathy)");
        return readIdMap(file, root);
    }

    /**
     * Reads a Flickr8k/30k token file ({@code 1000268201_693b08cb0e.jpg#0<TAB>A child ...}); the image id
     * is the file name. {@code splitFiles} maps a split name to a file listing one image file name per
     * line (Flickr_8k.testImages.txt...); images in none of them get split "".
     */
    public static CaptionDataset readFlickrTokens(Path file, Map<String, Path> splitFiles) {
        Map<String, String> splitOf = new HashMap<>();
        for (var e : splitFiles.entrySet()) {
            for (String line : lines(e.getValue())) if (!line.isBlank()) splitOf.put(line.strip(), e.getKey());
        }
        Map<String, List<String>> caps = new LinkedHashMap<>();
        List<String> all = lines(file);
        for (int n = 0; n < all.size(); n++) {
            String line = all.get(n);
            if (line.isBlank()) continue;
            int tab = line.indexOf('\t');
            int hash = tab < 0 ? -1 : line.lastIndexOf('#', tab);
            if (tab < 0 || hash <= 0) {
                throw new CaptionFormatException(file, "line " + (n + 1) + ": expected 'image.jpg#N<TAB>caption' (Flickr token file)");
            }
            caps.computeIfAbsent(line.substring(0, hash), k -> new ArrayList<>()).add(line.substring(tab + 1));
        }
        List<CaptionImage> images = new ArrayList<>();
        caps.forEach((name, c) -> images.add(new CaptionImage(name, name, "", splitOf.getOrDefault(name, ""), c, List.of())));
        return new CaptionDataset(file, CaptionDatasetFormat.FLICKR_TOKENS, images);
    }

    /** Karpathy: images[] {filename, filepath?, imgid, cocoid?, split, sentences[] {raw, tokens}}; id = cocoid else imgid. */
    private static CaptionDataset readKarpathy(Path file, JsonNode images) {
        List<CaptionImage> out = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            JsonNode im = images.get(i);
            String where = "images[" + i + "]";
            JsonNode idNode = im.hasNonNull("cocoid") ? im.get("cocoid") : im.get("imgid");
            String id = JsonFiles.id(file, idNode, where + ".imgid/cocoid");
            JsonNode sentences = im.get("sentences");
            if (sentences == null || !sentences.isArray()) throw new CaptionFormatException(file, where + " (id " + id + ") has no sentences array");
            List<String> raw = new ArrayList<>();
            List<List<String>> tokens = new ArrayList<>();
            for (int s = 0; s < sentences.size(); s++) {
                JsonNode sent = sentences.get(s);
                JsonNode r = sent.get("raw");
                if (r == null || !r.isTextual()) throw new CaptionFormatException(file, where + ".sentences[" + s + "] (id " + id + ") has no text \"raw\"");
                raw.add(r.asText());
                List<String> t = new ArrayList<>();
                JsonNode tk = sent.get("tokens");
                if (tk != null && tk.isArray()) tk.forEach(x -> t.add(x.asText()));
                tokens.add(t);
            }
            out.add(new CaptionImage(id, text(im, "filename"), text(im, "filepath"), text(im, "split"), raw, tokens));
        }
        return new CaptionDataset(file, CaptionDatasetFormat.KARPATHY, out);
    }

    /** COCO: images[] {id, file_name} and annotations[] {image_id, caption}, grouped by image. */
    private static CaptionDataset readCoco(Path file, JsonNode root) {
        JsonNode anns = root.get("annotations");
        if (!anns.isArray()) throw new CaptionFormatException(file, "\"annotations\" is not an array");
        Map<String, String> fileNames = new LinkedHashMap<>();
        JsonNode images = root.get("images");
        if (images != null && images.isArray()) {
            for (int i = 0; i < images.size(); i++) {
                fileNames.put(JsonFiles.id(file, images.get(i).get("id"), "images[" + i + "].id"), text(images.get(i), "file_name"));
            }
        }
        Map<String, List<String>> caps = new LinkedHashMap<>();
        for (String id : fileNames.keySet()) caps.put(id, new ArrayList<>());
        for (int a = 0; a < anns.size(); a++) {
            JsonNode ann = anns.get(a);
            String id = JsonFiles.id(file, ann.get("image_id"), "annotations[" + a + "].image_id");
            JsonNode c = ann.get("caption");
            if (c == null || !c.isTextual()) throw new CaptionFormatException(file, "annotations[" + a + "] (image_id " + id + ") has no text \"caption\"");
            caps.computeIfAbsent(id, k -> new ArrayList<>()).add(c.asText());
        }
        List<CaptionImage> out = new ArrayList<>();
        caps.forEach((id, c) -> out.add(new CaptionImage(id, fileNames.getOrDefault(id, ""), "", "", c, List.of())));
        return new CaptionDataset(file, CaptionDatasetFormat.COCO_ANNOTATIONS, out);
    }

    /** {"id": ["caption", ...], ...}. */
    private static CaptionDataset readIdMap(Path file, JsonNode root) {
        List<CaptionImage> out = new ArrayList<>();
        var fields = root.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!e.getValue().isArray()) throw new CaptionFormatException(file, "value of \"" + e.getKey() + "\" is not an array of captions");
            List<String> caps = new ArrayList<>();
            for (JsonNode c : e.getValue()) {
                if (!c.isTextual()) throw new CaptionFormatException(file, "image \"" + e.getKey() + "\" has a caption that is not a string");
                caps.add(c.asText());
            }
            out.add(new CaptionImage(e.getKey(), "", "", "", caps, List.of()));
        }
        if (out.isEmpty()) throw new CaptionFormatException(file, "no images (expected {\"id\": [captions]})");
        return new CaptionDataset(file, CaptionDatasetFormat.ID_MAP, out);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static boolean looksLikeJson(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            while ((c = r.read()) >= 0) {
                if (c == '\uFEFF' || Character.isWhitespace(c)) continue;
                return c == '{' || c == '[';
            }
            throw new CaptionFormatException(file, "empty file");
        } catch (NoSuchFileException e) {
            throw new CaptionFormatException(file, "no such file");
        } catch (IOException e) {
            throw new CaptionFormatException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CaptionFormatException(file, "no such file");
        } catch (IOException e) {
            throw new CaptionFormatException(file, "cannot read as UTF-8 text: " + e.getMessage(), e);
        }
    }
}
