package dev.vlsuite.captioning.training;

import dev.vlsuite.captioning.api.SplitEvaluation;
import dev.vlsuite.shared.io.MediaInputs;
import dev.vlsuite.shared.io.captions.CaptionDataset;
import dev.vlsuite.shared.io.captions.CaptionImage;
import dev.vlsuite.shared.text.CaptionTokenizer;
import dev.vlsuite.shared.vision.FeatureCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The images of a caption dataset that have cached features, with their captions tokenized the way the
 * evaluation tokenizes them (shared.text.CaptionTokenizer), so training and scoring see the same words.
 */
public final class CaptionCorpus {
    /** One usable image. */
    public record Item(String id, Path file, String split, List<String> references, List<List<String>> words) {}

    private final List<Item> items;

    private CaptionCorpus(List<Item> items) {
        this.items = List.copyOf(items);
    }

    /**
     * Resolves every image under {@code imagesRoot} (shared.io.MediaInputs.underRoot: nothing may escape the root),
     * extracts and caches missing features, and keeps the images that have features. Each image that cannot be
     * used gets one line on {@code onBadFile}.
     */
    public static CaptionCorpus load(CaptionDataset dataset, Path imagesRoot, FeatureCache cache, Consumer<String> onBadFile)
            throws IOException {
        CaptionTokenizer tokenizer = new CaptionTokenizer();
        List<CaptionImage> candidates = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (CaptionImage im : dataset.images()) {
            try {
                files.add(MediaInputs.underRoot(imagesRoot, im.filepath(), im.filename()));
                candidates.add(im);
            } catch (IllegalArgumentException e) {
                onBadFile.accept(dataset.source() + ": image " + im.id() + ": " + e.getMessage());
            }
        }
        cache.ensure(files, onBadFile);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            CaptionImage im = candidates.get(i);
            if (!cache.contains(files.get(i)) || im.rawCaptions().isEmpty()) continue;
            List<List<String>> words = new ArrayList<>();
            for (String raw : im.rawCaptions()) words.add(tokenizer.words(raw));
            items.add(new Item(im.id(), files.get(i), im.split(), im.rawCaptions(), words));
        }
        return new CaptionCorpus(items);
    }

    /** The items as a split evaluation's images (api.SplitEvaluation). */
    public static List<SplitEvaluation.Image> evaluationImages(List<Item> items) {
        return items.stream().map(i -> new SplitEvaluation.Image(i.id(), i.file(), i.references())).toList();
    }

    /** The images of the given splits, in file order. */
    public List<Item> split(List<String> splits) {
        return items.stream().filter(i -> splits.contains(i.split())).toList();
    }

    public List<Item> items() {
        return items;
    }
}
