package dev.vlsuite.shared.metrics;

import java.util.List;
import java.util.Locale;

/** The caption metrics of the MS-COCO evaluation, with the names the toolkit reports them under. */
public enum Metric {
    BLEU(List.of("Bleu_1", "Bleu_2", "Bleu_3", "Bleu_4")),
    METEOR(List.of("METEOR")),
    ROUGE_L(List.of("ROUGE_L")),
    CIDER(List.of("CIDEr"));

    private final List<String> reportedNames;

    Metric(List<String> reportedNames) {
        this.reportedNames = reportedNames;
    }

    /** The keys this metric adds to an {@link EvaluationReport}. */
    public List<String> reportedNames() {
        return reportedNames;
    }

    /** Accepts bleu, meteor, rouge, rouge_l, rouge-l, cider, cider-d (any case). */
    public static Metric parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "bleu" -> BLEU;
            case "meteor" -> METEOR;
            case "rouge", "rouge_l" -> ROUGE_L;
            case "cider", "cider_d" -> CIDER;
            default -> throw new IllegalArgumentException("unknown metric '" + name + "' (expected bleu, meteor, rouge, cider)");
        };
    }
}
