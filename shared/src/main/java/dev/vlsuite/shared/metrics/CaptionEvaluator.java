package dev.vlsuite.shared.metrics;

import dev.vlsuite.shared.text.CaptionTokenizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

/**
 * The MS-COCO caption evaluation in one call: raw references and candidates in, tokenized once
 * (like the toolkit: lower-case, PTB, punctuation dropped), scored by the selected metrics.
 *
 * <pre>{@code
 * EvaluationReport r = CaptionEvaluator.builder().metrics(Metric.BLEU, Metric.CIDER).build()
 *         .evaluate(refsById, candidateById);
 * double cider = r.corpus().get("CIDEr");
 * }</pre>
 *
 * METEOR is computed by a separate {@link CorpusScorer} handed to {@link Builder#meteor}. Thread-safe.
 */
public final class CaptionEvaluator {
    private final Set<Metric> metrics;
    private final CorpusScorer meteor;
    private final CaptionTokenizer tokenizer = new CaptionTokenizer();

    private CaptionEvaluator(Builder b) {
        this.metrics = EnumSet.copyOf(b.metrics);
        this.meteor = b.meteor;
        if (metrics.contains(Metric.METEOR) && meteor == null) {
            throw new IllegalStateException("METEOR was selected but no METEOR scorer was given (CaptionEvaluator.builder().meteor(...))");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<Metric> metrics() {
        return EnumSet.copyOf(metrics);
    }

    /**
     * Scores raw captions.
     *
     * @param refs image id -> reference captions (at least one per image)
     * @param candidates image id -> the candidate caption
     * @throws IdMismatchException when the two id sets differ (it names the ids on each side)
     */
    public EvaluationReport evaluate(Map<String, List<String>> refs, Map<String, String> candidates) {
        Tokenized t = tokenize(refs, candidates);
        return evaluateTokenized(t.refs(), t.candidates());
    }

    /** Captions after the evaluation's tokenization step, in reference order. */
    public record Tokenized(Map<String, List<String>> refs, Map<String, String> candidates) {}

    /** The tokenization step alone (each caption once, images in parallel, deterministic order). */
    public Tokenized tokenize(Map<String, List<String>> refs, Map<String, String> candidates) {
        EvalCorpus.checkIds(refs, candidates);
        List<String> ids = new ArrayList<>(refs.keySet());
        Map<String, List<String>> tokRefs = new LinkedHashMap<>();
        Map<String, String> tokCands = new LinkedHashMap<>();
        tokenize(ids, refs, candidates, tokRefs, tokCands);
        return new Tokenized(tokRefs, tokCands);
    }

    /** Scores captions that are already tokenized (space-joined), skipping the tokenizer. */
    public EvaluationReport evaluateTokenized(Map<String, List<String>> refs, Map<String, String> candidates) {
        EvalCorpus.checkIds(refs, candidates);
        // METEOR (the slowest) runs on its own thread beside the other three; each is parallel over images
        CompletableFuture<MetricScore> meteorScore = metrics.contains(Metric.METEOR)
                ? CompletableFuture.supplyAsync(() -> meteor.score(refs, candidates), CaptionEvaluator::thread) : null;
        List<MetricScore> scores = new ArrayList<>();
        if (metrics.contains(Metric.BLEU)) scores.addAll(new Bleu().scoreAll(refs, candidates));
        if (meteorScore != null) scores.add(joined(meteorScore));
        if (metrics.contains(Metric.ROUGE_L)) scores.add(new RougeL().score(refs, candidates));
        if (metrics.contains(Metric.CIDER)) scores.add(new CiderD().score(refs, candidates));

        Map<String, Double> corpus = new LinkedHashMap<>();
        Map<String, Map<String, Double>> perImage = new LinkedHashMap<>();
        for (String id : refs.keySet()) perImage.put(id, new LinkedHashMap<>());
        for (MetricScore s : scores) {
            corpus.put(s.name(), s.corpus());
            s.perImage().forEach((id, v) -> perImage.get(id).put(s.name(), v));
        }
        return new EvaluationReport(corpus, perImage, List.of());
    }

    private static void thread(Runnable r) {
        Thread t = new Thread(r, "meteor");
        t.setDaemon(true);
        t.start();
    }

    /** The value, or the scorer's own exception (not wrapped). */
    private static MetricScore joined(CompletableFuture<MetricScore> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /** Tokenizes every caption once, images in parallel; results land in image order. */
    private void tokenize(List<String> ids, Map<String, List<String>> refs, Map<String, String> cands,
                          Map<String, List<String>> tokRefs, Map<String, String> tokCands) {
        String[] c = new String[ids.size()];
        List<List<String>> r = new ArrayList<>(java.util.Collections.nCopies(ids.size(), null));
        IntStream.range(0, ids.size()).parallel().forEach(i -> {
            String id = ids.get(i);
            c[i] = tokenizer.forEval(Objects.requireNonNull(cands.get(id), () -> "null candidate for image " + id));
            List<String> rs = new ArrayList<>();
            for (String ref : refs.get(id)) rs.add(tokenizer.forEval(ref));
            r.set(i, rs);
        });
        for (int i = 0; i < ids.size(); i++) {
            tokRefs.put(ids.get(i), r.get(i));
            tokCands.put(ids.get(i), c[i]);
        }
    }

    public static final class Builder {
        private Set<Metric> metrics = EnumSet.of(Metric.BLEU, Metric.ROUGE_L, Metric.CIDER);
        private CorpusScorer meteor;

        /** Which metrics to run; default BLEU, ROUGE-L and CIDEr (METEOR needs {@link #meteor}). */
        public Builder metrics(Set<Metric> selected) {
            if (selected.isEmpty()) throw new IllegalArgumentException("no metric selected");
            this.metrics = EnumSet.copyOf(selected);
            return this;
        }

        public Builder metrics(Metric first, Metric... rest) {
            return metrics(EnumSet.of(first, rest));
        }

        /** The METEOR scorer (named "METEOR"); also selects METEOR. */
        public Builder meteor(CorpusScorer scorer) {
            this.meteor = Objects.requireNonNull(scorer);
            this.metrics = EnumSet.copyOf(metrics);
            this.metrics.add(Metric.METEOR);
            return this;
        }

        /**
         * Adds METEOR 1.5 (exact, stem, WordNet synonym; plus paraphrase when a table is given, else it is
         * named "METEOR (exact+stem+synonym)").
         */
        public Builder withMeteor(java.nio.file.Path paraphraseTableOrNull) throws java.io.IOException {
            var options = dev.vlsuite.shared.metrics.meteor.MeteorOptions.defaults();
            if (paraphraseTableOrNull != null) options = options.withParaphraseTable(paraphraseTableOrNull);
            return meteor(dev.vlsuite.shared.metrics.meteor.Meteor.create(options));
        }

        public CaptionEvaluator build() {
            return new CaptionEvaluator(this);
        }
    }
}
