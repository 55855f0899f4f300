package dev.vlsuite.captioning.training;

import dev.vlsuite.captioning.api.SplitEvaluation;
import dev.vlsuite.shared.metrics.CaptionEvaluator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A validation's scores: the split evaluation of the validation images (greedy), every one of which must caption. */
final class ValidationScores {
    private ValidationScores() {}

    static Map<String, Double> of(List<CaptionCorpus.Item> validation, SplitEvaluation.Captioner captioner, CaptionEvaluator evaluator) {
        SplitEvaluation.Result r;
        try {
            r = SplitEvaluation.run(CaptionCorpus.evaluationImages(validation), captioner, evaluator, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // no results file is written here
        }
        if (!r.failures().isEmpty()) {
            throw new IllegalStateException("a validation image cannot be captioned: " + r.failures().get(0).errorLine());
        }
        return new LinkedHashMap<>(r.report().corpus());
    }
}
