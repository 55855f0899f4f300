package dev.vlsuite.captioning.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.vlsuite.captioning.api.Caption;
import dev.vlsuite.captioning.api.CaptionOutcome;
import dev.vlsuite.captioning.api.SplitEvaluation;
import dev.vlsuite.captioning.model.CaptionNet;
import dev.vlsuite.shared.nn.decode.TextDecoding;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.vision.FeatureCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Captions images whose features are cached (validation and evaluation during training), greedy or with
 * batched beam search, through the shared decode-to-text routine (shared.nn.decode.TextDecoding).
 */
public final class CachedCaptioner {
    private static final int CHUNK = 50; // images per decoding call

    private final CaptionNet net;
    private final Vocabulary vocabulary;
    private final FeatureCache cache;

    public CachedCaptioner(CaptionNet net, Vocabulary vocabulary, FeatureCache cache) {
        this.net = net;
        this.vocabulary = vocabulary;
        this.cache = cache;
    }

    /** A caption per image file, in order. {@code beam} 1 is greedy. */
    public List<Caption> caption(ParameterStore ps, List<Path> files, int beam, NDManager manager) {
        List<Caption> out = new ArrayList<>(files.size());
        int side = net.config().arch().attends() ? cache.extractor().gridSide() : 0;
        for (int from = 0; from < files.size(); from += CHUNK) {
            List<Path> chunk = files.subList(from, Math.min(files.size(), from + CHUNK));
            try (NDManager scope = manager.newSubManager()) {
                NDArray grid = CachedFeatures.batch(cache, net.config(), chunk, scope);       // (B, L, D)
                for (TextDecoding.Text t : TextDecoding.decode(net.decoder(ps), new NDList(grid), vocabulary, beam,
                        net.config().maxLength())) {
                    float[][] attention = side > 0 ? t.attention() : null;
                    out.add(new Caption(t.text(), t.words(), t.logProb(), attention, attention == null ? 0 : side));
                }
            }
        }
        return out;
    }

    /** This captioner for a split evaluation (api.SplitEvaluation). */
    public SplitEvaluation.Captioner captioner(ParameterStore ps, int beam, NDManager manager) {
        return (files, sink) -> {
            List<Caption> captions = caption(ps, files, beam, manager);
            for (int i = 0; i < files.size(); i++) sink.accept(CaptionOutcome.success(files.get(i), captions.get(i)));
        };
    }

    /** image id -> caption text. */
    public Map<String, String> captions(ParameterStore ps, List<CaptionCorpus.Item> images, int beam, NDManager manager) {
        List<Caption> captions = caption(ps, images.stream().map(CaptionCorpus.Item::file).toList(), beam, manager);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) out.put(images.get(i).id(), captions.get(i).text());
        return out;
    }
}
