package dev.vlsuite.shared.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * CIDEr-D (n = 4, sigma = 6) as pycocoevalcap's CiderScorer computes it, reported as "CIDEr".
 * Document frequencies come from the references of the images being evaluated (candidates never
 * count), so the score of an image depends on the whole corpus: a single-image corpus scores 0.
 */
public final class CiderD implements CorpusScorer {
    public static final int N = 4;
    public static final double SIGMA = 6.0;

    @Override
    public String name() {
        return "CIDEr";
    }

    @Override
    public MetricScore score(Map<String, List<String>> refs, Map<String, String> cands) {
        EvalCorpus corpus = EvalCorpus.of(refs, cands, EvalCorpus.Split.WHITESPACE);
        int images = corpus.size();
        NGramIndex index = new NGramIndex(N);
        NGramBag[][] candBags = new NGramBag[images][];
        NGramBag[][][] refBags = new NGramBag[images][][];
        for (int i = 0; i < images; i++) { // sequential: the index is not thread-safe
            candBags[i] = bags(index.ngramIds(corpus.candidates[i]));
            refBags[i] = new NGramBag[corpus.references[i].length][];
            for (int r = 0; r < refBags[i].length; r++) refBags[i][r] = bags(index.ngramIds(corpus.references[i][r]));
        }
        int[] df = documentFrequency(refBags, index.size());
        double refLen = Math.log(images); // ln(N images)
        double[] scores = new double[images];
        IntStream.range(0, images).parallel().forEach(i -> scores[i] = imageScore(candBags[i], refBags[i], df, refLen));
        Map<String, Double> perImage = new LinkedHashMap<>();
        double sum = 0;
        for (int i = 0; i < images; i++) {
            perImage.put(corpus.ids.get(i), scores[i]);
            sum += scores[i];
        }
        return new MetricScore(name(), images == 0 ? 0 : sum / images, perImage);
    }

    private static NGramBag[] bags(int[][] ngramIds) {
        NGramBag[] out = new NGramBag[ngramIds.length];
        for (int k = 0; k < out.length; k++) out[k] = NGramBag.of(ngramIds[k]);
        return out;
    }

    /** df[id] = number of images whose reference set contains the n-gram. */
    private static int[] documentFrequency(NGramBag[][][] refBags, int ngrams) {
        int[] df = new int[ngrams];
        int[] lastImage = new int[ngrams];
        java.util.Arrays.fill(lastImage, -1);
        for (int i = 0; i < refBags.length; i++) {
            for (NGramBag[] ref : refBags[i]) {
                for (NGramBag bag : ref) {
                    for (int id : bag.ids()) {
                        if (lastImage[id] != i) {
                            lastImage[id] = i;
                            df[id]++;
                        }
                    }
                }
            }
        }
        return df;
    }

    /** tf-idf weights of one sentence per order, its norms and its "length" (its number of bigrams). */
    private record Vector(NGramBag[] bags, double[][] weights, double[] norms, int length) {
        static Vector of(NGramBag[] bags, int[] df, double refLen) {
            double[][] w = new double[bags.length][];
            double[] norms = new double[bags.length];
            for (int k = 0; k < bags.length; k++) {
                NGramBag bag = bags[k];
                w[k] = new double[bag.size()];
                double sq = 0;
                for (int j = 0; j < bag.size(); j++) {
                    w[k][j] = bag.counts()[j] * (refLen - Math.log(Math.max(1.0, df[bag.ids()[j]])));
                    sq += w[k][j] * w[k][j];
                }
                norms[k] = Math.sqrt(sq);
            }
            int bigrams = 0;
            for (int c : bags[1].counts()) bigrams += c;
            return new Vector(bags, w, norms, bigrams);
        }
    }

    static double imageScore(NGramBag[] cand, NGramBag[][] refs, int[] df, double refLen) {
        Vector vc = Vector.of(cand, df, refLen);
        double[] sum = new double[N];
        for (NGramBag[] ref : refs) {
            Vector vr = Vector.of(ref, df, refLen);
            double delta = vc.length - vr.length;
            double penalty = Math.exp(-(delta * delta) / (2 * SIGMA * SIGMA));
            for (int k = 0; k < N; k++) {
                double val = clippedDot(vc, vr, k);
                if (vc.norms[k] != 0 && vr.norms[k] != 0) val /= vc.norms[k] * vr.norms[k];
                sum[k] += val * penalty;
            }
        }
        double mean = (sum[0] + sum[1] + sum[2] + sum[3]) / N;
        return mean / refs.length * 10.0;
    }

    /** Sum over shared n-grams of min(candidate weight, reference weight) * reference weight. */
    private static double clippedDot(Vector c, Vector r, int k) {
        int[] a = c.bags[k].ids(), b = r.bags[k].ids();
        double[] wa = c.weights[k], wb = r.weights[k];
        double val = 0;
        int i = 0, j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else {
                val += Math.min(wa[i], wb[j]) * wb[j];
                i++;
                j++;
            }
        }
        return val;
    }
}
