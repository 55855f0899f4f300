package dev.vlsuite.shared.metrics.meteor;

import java.util.List;

/**
 * Scoring parameters of METEOR 1.5's default English task ("rank"): alpha weighs recall against
 * precision, beta and gamma shape the fragmentation penalty, delta weighs content against function
 * words; module weights are exact, stem, synonym, paraphrase.
 */
public record MeteorParameters(double alpha, double beta, double gamma, double delta, List<Double> moduleWeights) {

    /** METEOR 1.5, English, rank task: 0.85 0.20 0.60 0.75 and weights 1.0 0.6 0.8 0.6. */
    public static final MeteorParameters ENGLISH = new MeteorParameters(0.85, 0.20, 0.60, 0.75,
            List.of(1.0, 0.6, 0.8, 0.6));

    public MeteorParameters {
        moduleWeights = List.copyOf(moduleWeights);
        if (moduleWeights.size() != SegmentStats.MODULES) {
            throw new IllegalArgumentException("need " + SegmentStats.MODULES + " module weights");
        }
    }

    /**
     * METEOR's score of a segment or of summed corpus statistics:
     * {@code Fmean * (1 - gamma * frag^beta)}, with weighted precision and recall, NaN mapped to 0
     * and negative values clipped to 0. Operations run in METEOR's order so results agree bit for bit.
     */
    public double score(SegmentStats s) {
        int[] tc = s.testContentMatches();
        int[] rc = s.referenceContentMatches();
        int[] tf = s.testFunctionMatches();
        int[] rf = s.referenceFunctionMatches();
        double testWeightedLength = (delta * (s.testLength() - s.testFunctionWords()))
                + ((1.0 - delta) * s.testFunctionWords());
        double referenceWeightedLength = (delta * (s.referenceLength() - s.referenceFunctionWords()))
                + ((1.0 - delta) * s.referenceFunctionWords());
        double testWeightedMatches = 0;
        double referenceWeightedMatches = 0;
        for (int m = 0; m < SegmentStats.MODULES; m++) {
            testWeightedMatches += tc[m] * moduleWeights.get(m) * delta;
        }
        for (int m = 0; m < SegmentStats.MODULES; m++) {
            referenceWeightedMatches += rc[m] * moduleWeights.get(m) * delta;
        }
        for (int m = 0; m < SegmentStats.MODULES; m++) {
            testWeightedMatches += tf[m] * moduleWeights.get(m) * (1.0 - delta);
        }
        for (int m = 0; m < SegmentStats.MODULES; m++) {
            referenceWeightedMatches += rf[m] * moduleWeights.get(m) * (1.0 - delta);
        }
        double precision = testWeightedMatches / testWeightedLength;
        double recall = referenceWeightedMatches / referenceWeightedLength;
        double fMean = 1.0 / (((1.0 - alpha) / precision) + (alpha / recall));
        double frag = s.isPerfectSingleChunk() ? 0
                : ((double) s.chunks()) / (((double) (s.testWordMatches() + s.referenceWordMatches())) / 2);
        double fragPenalty = gamma * Math.pow(frag, beta);
        double score = fMean * (1.0 - fragPenalty);
        return Double.isNaN(score) ? 0 : Math.max(score, 0.0);
    }
}
