package dev.vlsuite.shared.metrics.retrieval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.io.Json;
import java.util.List;

/**
 * The six official VisDial metrics (float32 as the official code computes them) and the EvalAI ranks entries.
 *
 * @param sparse      R@1/5/10, mean rank, MRR over every round with a ground truth; null when there is none (test)
 * @param ndcg        mean NDCG over the dense rounds; NaN when there is none
 * @param rounds      rounds with a ground truth that were observed
 * @param denseRounds dense rounds observed for NDCG
 * @param ranks       the EvalAI ranks entries, dialog order then round order
 */
public record VisDialReport(SparseRetrievalMetrics.Sparse sparse, float ndcg, long rounds, int denseRounds,
                            List<RanksEntry> ranks) {
    public VisDialReport {
        ranks = List.copyOf(ranks);
    }

    /** The lines evaluate.py prints ({@code name: value}, the float32 value printed as a Python float). */
    public String toText() {
        StringBuilder b = new StringBuilder();
        if (sparse != null) {
            line(b, "r@1", sparse.r1());
            line(b, "r@5", sparse.r5());
            line(b, "r@10", sparse.r10());
            line(b, "mean", sparse.meanRank());
            line(b, "mrr", sparse.mrr());
        }
        if (denseRounds > 0) line(b, "ndcg", ndcg);
        if (b.length() == 0) b.append("no ground truth: ranks only (").append(ranks.size()).append(" rounds)").append(System.lineSeparator());
        return b.toString();
    }

    private static void line(StringBuilder b, String name, float v) {
        b.append(name).append(": ").append((double) v).append(System.lineSeparator());
    }

    /** {@code {"r@1", "r@5", "r@10", "mean", "mrr", "ndcg", "rounds", "denseRounds"}}; absent metrics are null. */
    public String toJson() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        put(o, "r@1", sparse == null ? Float.NaN : sparse.r1());
        put(o, "r@5", sparse == null ? Float.NaN : sparse.r5());
        put(o, "r@10", sparse == null ? Float.NaN : sparse.r10());
        put(o, "mean", sparse == null ? Float.NaN : sparse.meanRank());
        put(o, "mrr", sparse == null ? Float.NaN : sparse.mrr());
        put(o, "ndcg", ndcg);
        o.put("rounds", rounds);
        o.put("denseRounds", denseRounds);
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render the report as JSON", e);
        }
    }

    // JSON has no NaN: a metric that could not be computed is null
    private static void put(ObjectNode o, String name, float v) {
        if (Float.isNaN(v)) o.putNull(name);
        else o.put(name, (double) v);
    }
}
