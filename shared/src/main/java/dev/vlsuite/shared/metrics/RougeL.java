package dev.vlsuite.shared.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * ROUGE-L as pycocoevalcap's Rouge computes it: words are split on single spaces, precision and
 * recall are the maxima over references of LCS/len taken independently, F with beta = 1.2; the corpus
 * score is the mean of the per-image scores.
 */
public final class RougeL implements CorpusScorer {
    public static final double BETA = 1.2;

    @Override
    public String name() {
        return "ROUGE_L";
    }

    @Override
    public MetricScore score(Map<String, List<String>> refs, Map<String, String> cands) {
        EvalCorpus corpus = EvalCorpus.of(refs, cands, EvalCorpus.Split.SINGLE_SPACE);
        double[] scores = new double[corpus.size()];
        IntStream.range(0, scores.length).parallel()
                .forEach(i -> scores[i] = imageScore(corpus.candidates[i], corpus.references[i]));
        Map<String, Double> perImage = new LinkedHashMap<>();
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            perImage.put(corpus.ids.get(i), scores[i]);
            sum += scores[i];
        }
        return new MetricScore(name(), scores.length == 0 ? 0 : sum / scores.length, perImage);
    }

    static double imageScore(int[] cand, int[][] refs) {
        double precMax = 0, recMax = 0;
        for (int[] ref : refs) {
            int lcs = lcs(ref, cand);
            precMax = Math.max(precMax, lcs / (double) cand.length);
            recMax = Math.max(recMax, lcs / (double) ref.length);
        }
        if (precMax == 0 || recMax == 0) return 0;
        double b2 = BETA * BETA;
        return ((1 + b2) * precMax * recMax) / (recMax + b2 * precMax);
    }

    /** Length of the longest common subsequence (two rows of the DP table). */
    static int lcs(int[] a, int[] b) {
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int x : a) {
            for (int j = 1; j <= b.length; j++) {
                cur[j] = x == b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length];
    }
}
