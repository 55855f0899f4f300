package dev.vlsuite.captioning.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.vlsuite.captioning.model.CaptionNet;
import dev.vlsuite.shared.metrics.CaptionEvaluator;
import dev.vlsuite.shared.metrics.EvaluationReport;
import dev.vlsuite.shared.nn.decode.DecodeOptions;
import dev.vlsuite.shared.nn.decode.Decoding;
import dev.vlsuite.shared.nn.decode.Hypothesis;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.vision.FeatureCache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Captions images whose features are cached (validation and evaluation during training), greedy or with
 * batched beam search, and scores them against their references with the shared caption metrics.
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

    /** Best hypothesis per image, in order. {@code beam} 1 is greedy; lengthPenalty as in Decoding.beam. */
    public List<Hypothesis> decode(ParameterStore ps, List<CaptionCorpus.Item> images, int beam, float lengthPenalty,
                                   NDManager manager) {
        DecodeOptions options = new DecodeOptions(Vocabulary.START_ID, Vocabulary.END_ID, net.config().maxLength());
        @SuppressWarnings({"unchecked", "rawtypes"})
        dev.vlsuite.shared.nn.decode.StepModel model = net.decoder(ps);
        List<Hypothesis> out = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += CHUNK) {
            List<CaptionCorpus.Item> chunk = images.subList(from, Math.min(images.size(), from + CHUNK));
            try (NDManager scope = manager.newSubManager()) {
                NDArray grid = CachedFeatures.batch(cache, net.config(), chunk.stream().map(CaptionCorpus.Item::file).toList(), scope);
                @SuppressWarnings("unchecked")
                List<List<Hypothesis>> hyps = beam <= 1 ? Decoding.greedy(model, new NDList(grid), options)
                        : Decoding.beam(model, new NDList(grid), options, beam, lengthPenalty);
                for (List<Hypothesis> h : hyps) out.add(h.get(0));
            }
        }
        return out;
    }

    /** The caption text of a hypothesis: its words up to &lt;end&gt;, joined by spaces. */
    public String text(Hypothesis h) {
        return String.join(" ", vocabulary.decode(h.contentTokens()));
    }

    /** image id -> caption. */
    public Map<String, String> captions(ParameterStore ps, List<CaptionCorpus.Item> images, int beam, float lengthPenalty,
                                        NDManager manager) {
        List<Hypothesis> hyps = decode(ps, images, beam, lengthPenalty, manager);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) out.put(images.get(i).id(), text(hyps.get(i)));
        return out;
    }

    /** Scores captions of {@code images} against their references. */
    public static EvaluationReport score(CaptionEvaluator evaluator, List<CaptionCorpus.Item> images, Map<String, String> captions) {
        Map<String, List<String>> refs = new LinkedHashMap<>();
        for (CaptionCorpus.Item i : images) refs.put(i.id(), i.references());
        return evaluator.evaluate(refs, captions);
    }
}
