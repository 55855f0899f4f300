package dev.vlsuite.shared.metrics.vqa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.io.Json;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the official evaluator reports: {@code accuracy = {overall, perQuestionType, perAnswerType}} and
 * {@code evalQA = {question_id: x}}, every x a percentage rounded as Python 2's round(x, 2). Types appear in the
 * order first met in the annotations. The unrounded per-question accuracies in [0, 1] are kept too.
 *
 * @param overall          mean of the per-question accuracies, x100, rounded to 2 decimals
 * @param perAnswerType    the same over the questions of each annotation answer_type
 * @param perQuestionType  the same over the questions of each annotation question_type
 * @param perQuestion      round(100 * accuracy, 2) per question id, annotation order (evalQA)
 * @param rawPerQuestion   the unrounded accuracy in [0, 1] per question id
 */
public record VqaReport(double overall, Map<String, Double> perAnswerType, Map<String, Double> perQuestionType,
                        Map<Long, Double> perQuestion, Map<Long, Double> rawPerQuestion) {
    public VqaReport {
        perAnswerType = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perAnswerType));
        perQuestionType = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perQuestionType));
        perQuestion = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perQuestion));
        rawPerQuestion = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rawPerQuestion));
    }

    /** Aggregates as setAccuracy does: round(100 * float(sum(list)) / len(list), 2), sums in question order. */
    static VqaReport of(Collection<VqaAnnotation> annotations, Map<Long, Double> accuracies) {
        if (annotations.isEmpty()) throw new IllegalArgumentException("no questions to evaluate");
        double sum = 0;
        Map<String, double[]> byAnswerType = new LinkedHashMap<>(); // {sum, count}
        Map<String, double[]> byQuestionType = new LinkedHashMap<>();
        Map<Long, Double> rounded = new LinkedHashMap<>();
        for (VqaAnnotation a : annotations) {
            double acc = accuracies.get(a.questionId());
            sum += acc;
            add(byAnswerType, a.answerType(), acc);
            add(byQuestionType, a.questionType(), acc);
            rounded.put(a.questionId(), VqaAccuracy.round2(100 * acc));
        }
        return new VqaReport(VqaAccuracy.round2(100 * sum / annotations.size()), means(byAnswerType),
                means(byQuestionType), rounded, accuracies);
    }

    private static void add(Map<String, double[]> groups, String key, double acc) {
        double[] g = groups.computeIfAbsent(key, k -> new double[2]);
        g[0] += acc;
        g[1] += 1;
    }

    private static Map<String, Double> means(Map<String, double[]> groups) {
        Map<String, Double> m = new LinkedHashMap<>();
        groups.forEach((k, g) -> m.put(k, VqaAccuracy.round2(100 * g[0] / g[1])));
        return m;
    }

    /** The lines vqaEvalDemo.py prints: overall, then per question type, then per answer type. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Overall Accuracy is: %.2f%n%n", overall));
        b.append(String.format("Per Question Type Accuracy is the following:%n"));
        perQuestionType.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%s : %.2f%n", k, v)));
        b.append(String.format("%nPer Answer Type Accuracy is the following:%n"));
        perAnswerType.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%s : %.2f%n", k, v)));
        return b.toString();
    }

    /**
     * The official {@code accuracy} dict plus {@code perQuestion} (the official evalQA, keyed by question id as
     * text, as JSON requires): {@code {"overall", "perQuestionType", "perAnswerType", "perQuestion"}}.
     */
    public String toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("overall", overall);
        ObjectNode qt = root.putObject("perQuestionType");
        perQuestionType.forEach(qt::put);
        ObjectNode at = root.putObject("perAnswerType");
        perAnswerType.forEach(at::put);
        ObjectNode pq = root.putObject("perQuestion");
        perQuestion.forEach((id, v) -> pq.put(String.valueOf(id), v));
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render the report as JSON", e);
        }
    }
}
