package dev.vlsuite.shared.metrics.meteor;

import dev.vlsuite.shared.metrics.CorpusScorer;
import dev.vlsuite.shared.metrics.MetricScore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * METEOR 1.5 in process, computing what the MS-COCO caption evaluation gets from
 * {@code java -jar meteor-1.5.jar - - -stdio -l en -norm}: each candidate is normalised, aligned
 * with every reference, the statistics of the best reference (strictly higher score; ties keep the
 * first) are kept, and the corpus score is METEOR's formula on the statistics summed over images.
 *
 * <pre>{@code
 * Meteor meteor = Meteor.create(MeteorOptions.defaults().withParaphraseTable(Path.of("paraphrase-en.gz")));
 * MetricScore s = meteor.score(refsById, candidateById);
 * }</pre>
 * Thread-safe; a corpus is scored in parallel over images with identical results for any thread count.
 */
public final class Meteor implements CorpusScorer {

    private final MeteorOptions options;
    private final MeteorAligner aligner;
    private final MeteorParameters parameters = MeteorParameters.ENGLISH;
    private final boolean withParaphrases;

    private Meteor(MeteorOptions options, ParaphraseTable table) {
        this.options = options;
        this.withParaphrases = table != null;
        this.aligner = new MeteorAligner(options.beamSize(), WordNetSynonyms.english(), table);
    }

    /**
     * Loads the WordNet 3.0 synonym data and, when given, the paraphrase table.
     *
     * @throws IOException when the paraphrase table cannot be read (the message names the file)
     */
    public static Meteor create(MeteorOptions options) throws IOException {
        ParaphraseTable table = options.paraphraseTable() == null ? null
                : ParaphraseTable.load(options.paraphraseTable());
        return new Meteor(options, table);
    }

    /** "METEOR" with the paraphrase module; otherwise the name says which modules ran. */
    @Override
    public String name() {
        return withParaphrases ? "METEOR" : "METEOR (exact+stem+synonym)";
    }

    public boolean usesParaphrases() {
        return withParaphrases;
    }

    @Override
    public MetricScore score(Map<String, List<String>> refs, Map<String, String> cands) {
        MeteorResult result = evaluate(refs, cands);
        return new MetricScore(name(), result.corpus(), result.perImageScores());
    }

    /**
     * Scores every candidate against the references with the same id.
     *
     * @throws IllegalArgumentException when an id has a candidate but no references, or the reverse
     */
    public MeteorResult evaluate(Map<String, List<String>> refs, Map<String, String> cands) {
        checkSameIds(refs, cands);
        List<String> ids = new ArrayList<>(cands.keySet());
        SegmentStats[] stats = new SegmentStats[ids.size()];
        Runnable work = () -> IntStream.range(0, ids.size()).parallel()
                .forEach(i -> stats[i] = segmentStats(cands.get(ids.get(i)), refs.get(ids.get(i))));
        int threads = options.threads() == 0 ? Runtime.getRuntime().availableProcessors() : options.threads();
        if (threads == 1 || ids.size() < 64) {
            for (int i = 0; i < ids.size(); i++) {
                stats[i] = segmentStats(cands.get(ids.get(i)), refs.get(ids.get(i)));
            }
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(work).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("METEOR scoring interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, SegmentStats> perImage = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            scores.put(ids.get(i), segmentScore(stats[i]));
            perImage.put(ids.get(i), stats[i]);
        }
        SegmentStats total = SegmentStats.sum(List.of(stats));
        return new MeteorResult(parameters.score(total), Collections.unmodifiableMap(scores),
                Collections.unmodifiableMap(perImage), total);
    }

    /**
     * Statistics of one candidate against its best reference. Inputs go through the same line the
     * COCO wrapper sends to METEOR ("SCORE ||| ref ||| ... ||| hyp"), so its handling of "|||" and
     * double spaces is reproduced.
     */
    public SegmentStats segmentStats(String candidate, List<String> references) {
        if (references == null || references.isEmpty()) {
            throw new IllegalArgumentException("METEOR needs at least one reference");
        }
        if (candidate == null) {
            throw new IllegalArgumentException("METEOR needs a candidate (use \"\" for an empty caption)");
        }
        String hypothesis = candidate.replace("|||", "").replace("  ", " ");
        String line = "SCORE ||| " + String.join(" ||| ", references) + " ||| " + hypothesis;
        String[] parts = line.split("\\|\\|\\|");
        if (parts.length < 3) {
            throw new IllegalArgumentException("METEOR needs a hypothesis and at least one reference");
        }
        String[] test = words(MeteorNormalizer.normalize(parts[parts.length - 1].trim()));
        SegmentStats best = null;
        double bestScore = -1;
        for (int r = 1; r < parts.length - 1; r++) {
            String[] ref = words(MeteorNormalizer.normalize(parts[r].trim()));
            SegmentStats s = aligner.align(test, ref);
            double score = parameters.score(s);
            if (score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        return best;
    }

    /** METEOR's score of one segment's statistics. */
    public double segmentScore(SegmentStats stats) {
        return parameters.score(stats);
    }

    /** METEOR's corpus score: the formula on the summed statistics (not the mean of segment scores). */
    public double corpusScore(List<SegmentStats> stats) {
        return parameters.score(SegmentStats.sum(stats));
    }

    private static String[] words(String line) {
        StringTokenizer tok = new StringTokenizer(line);
        String[] words = new String[tok.countTokens()];
        for (int i = 0; i < words.length; i++) {
            words[i] = tok.nextToken();
        }
        return words;
    }

    private static void checkSameIds(Map<String, List<String>> refs, Map<String, String> cands) {
        for (String id : cands.keySet()) {
            List<String> r = refs.get(id);
            if (r == null || r.isEmpty()) {
                throw new IllegalArgumentException("image id " + id + " has a candidate but no references");
            }
        }
        for (String id : refs.keySet()) {
            if (!cands.containsKey(id)) {
                throw new IllegalArgumentException("image id " + id + " has references but no candidate");
            }
        }
    }
}
