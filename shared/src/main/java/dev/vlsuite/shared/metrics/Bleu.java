package dev.vlsuite.shared.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * BLEU-1..4 as pycocoevalcap's BleuScorer computes it with option "closest": per image, the
 * reference length closest to the candidate's (ties -> shorter), clipped n-gram matches against the
 * max count in any single reference; the corpus score uses counts summed over images; the brevity
 * penalty multiplies every order. The toolkit's tiny/small constants are kept so scores match to
 * the last digits (e.g. 9.036e-05 instead of 0 when no 4-gram matches).
 */
public final class Bleu implements CorpusScorer {
    public static final int N = 4;
    private static final double TINY = 1e-15;
    private static final double SMALL = 1e-9;

    /** "Bleu_4"; {@link #scoreAll} gives every order. */
    @Override
    public String name() {
        return "Bleu_4";
    }

    @Override
    public MetricScore score(Map<String, List<String>> refs, Map<String, String> cands) {
        return scoreAll(refs, cands).get(N - 1);
    }

    /** Bleu_1 .. Bleu_4, each with corpus and per-image scores. */
    public List<MetricScore> scoreAll(Map<String, List<String>> refs, Map<String, String> cands) {
        EvalCorpus corpus = EvalCorpus.of(refs, cands, EvalCorpus.Split.WHITESPACE);
        int images = corpus.size();
        NGramIndex index = new NGramIndex(N);
        int[][][] candGrams = new int[images][][];
        int[][][][] refGrams = new int[images][][][];
        for (int i = 0; i < images; i++) { // sequential: the index is not thread-safe
            candGrams[i] = index.ngramIds(corpus.candidates[i]);
            refGrams[i] = new int[corpus.references[i].length][][];
            for (int r = 0; r < refGrams[i].length; r++) refGrams[i][r] = index.ngramIds(corpus.references[i][r]);
        }
        Stats[] stats = new Stats[images];
        IntStream.range(0, images).parallel().forEach(i -> stats[i] = Stats.of(candGrams[i], refGrams[i], corpus.candidates[i].length));

        Stats total = new Stats(N);
        List<Map<String, Double>> perImage = new ArrayList<>();
        for (int k = 0; k < N; k++) perImage.add(new LinkedHashMap<>());
        for (int i = 0; i < images; i++) { // summed in image order: deterministic
            total.add(stats[i]);
            double[] b = stats[i].bleu();
            for (int k = 0; k < N; k++) perImage.get(k).put(corpus.ids.get(i), b[k]);
        }
        double[] corpusBleu = total.bleu();
        List<MetricScore> out = new ArrayList<>();
        for (int k = 0; k < N; k++) out.add(new MetricScore("Bleu_" + (k + 1), corpusBleu[k], perImage.get(k)));
        return out;
    }

    /** The toolkit's counts for one image (or summed over a corpus). */
    static final class Stats {
        long testLen;
        long refLen;
        final long[] guess;
        final long[] correct;

        Stats(int n) {
            guess = new long[n];
            correct = new long[n];
        }

        static Stats of(int[][] cand, int[][][] refs, int testLen) {
            Stats s = new Stats(N);
            s.testLen = testLen;
            s.refLen = closestLength(refs, testLen);
            for (int k = 0; k < N; k++) {
                NGramBag maxRef = NGramBag.EMPTY;
                for (int[][] ref : refs) maxRef = maxRef.max(NGramBag.of(ref[k]));
                s.guess[k] = Math.max(0, testLen - k);
                s.correct[k] = NGramBag.of(cand[k]).clippedTotal(maxRef);
            }
            return s;
        }

        /** The reference length closest to testLen; ties go to the shorter one. */
        private static long closestLength(int[][][] refs, int testLen) {
            long best = -1;
            for (int[][] ref : refs) {
                long len = ref[0].length; // unigram count = words
                long d = Math.abs(len - testLen);
                if (best < 0 || d < Math.abs(best - testLen) || (d == Math.abs(best - testLen) && len < best)) best = len;
            }
            return best;
        }

        void add(Stats o) {
            testLen += o.testLen;
            refLen += o.refLen;
            for (int k = 0; k < guess.length; k++) {
                guess[k] += o.guess[k];
                correct[k] += o.correct[k];
            }
        }

        /** BLEU_1..BLEU_n with the brevity penalty, the toolkit's formula verbatim. */
        double[] bleu() {
            double[] out = new double[guess.length];
            double bleu = 1.0;
            for (int k = 0; k < guess.length; k++) {
                bleu *= (correct[k] + TINY) / (guess[k] + SMALL);
                out[k] = Math.pow(bleu, 1.0 / (k + 1));
            }
            double ratio = (testLen + TINY) / (refLen + SMALL);
            if (ratio < 1) for (int k = 0; k < out.length; k++) out[k] *= Math.exp(1 - 1 / ratio);
            return out;
        }
    }
}
