package dev.vlsuite.shared.metrics.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the official evaluate.py does with a model's scores (shared/ref/VISDIAL-EVAL.md section 5): rank the options
 * of every scored round (the EvalAI entries), observe the ground-truth rank of every round that has one (R@k, mean
 * rank, MRR) and NDCG on the dense round of each dialog that has a dense annotation.
 * <ul>
 *   <li>val-layout scores (a row per round): every round 1..num_rounds is ranked, as evaluate.py writes for val;
 *       for a test dialogs file only the last round, as EvalAI's test phase wants.</li>
 *   <li>test-layout scores (one row with its round_id): that round only.</li>
 * </ul>
 */
public final class VisDialEvaluator {
    private VisDialEvaluator() {}

    /**
     * @param dense       dense annotations (empty: no NDCG)
     * @param scoresFile  the scores file's name, for messages
     * @throws VisDialFormatException scores that do not fit the dialogs, naming the file and the image ids
     */
    public static VisDialReport evaluate(VisDialData dialogs, List<DenseAnnotation> dense, List<DialogScores> scores,
                                         String scoresFile) {
        Map<Long, DialogScores> byImage = new LinkedHashMap<>();
        List<Long> repeated = new ArrayList<>();
        for (DialogScores s : scores) if (byImage.put(s.imageId(), s) != null) repeated.add(s.imageId());
        Set<Long> dialogImages = new HashSet<>();
        List<Long> missing = new ArrayList<>();
        for (VisDialDialog d : dialogs.dialogs()) {
            dialogImages.add(d.imageId());
            if (!byImage.containsKey(d.imageId())) missing.add(d.imageId());
        }
        List<Long> extra = byImage.keySet().stream().filter(id -> !dialogImages.contains(id)).toList();
        if (!repeated.isEmpty() || !missing.isEmpty() || !extra.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!missing.isEmpty()) parts.add(missing.size() + " dialogs have no scores, image ids " + sample(missing));
            if (!extra.isEmpty()) parts.add(extra.size() + " scored image ids are not in the dialogs " + sample(extra));
            if (!repeated.isEmpty()) parts.add(repeated.size() + " image ids are scored twice " + sample(repeated));
            throw new VisDialFormatException(scoresFile, String.join("; ", parts));
        }
        Map<Long, DenseAnnotation> denseByImage = new HashMap<>();
        for (DenseAnnotation a : dense) denseByImage.put(a.imageId(), a);

        SparseRetrievalMetrics sparse = new SparseRetrievalMetrics();
        Ndcg ndcg = new Ndcg();
        List<RanksEntry> ranks = new ArrayList<>();
        for (VisDialDialog d : dialogs.dialogs()) {
            DialogScores s = byImage.get(d.imageId());
            String where = "image_id " + d.imageId();
            List<Integer> roundIds = new ArrayList<>(); // 1-based rounds to rank
            if (s.lastRoundOnly()) {
                if (s.roundId() > d.numRounds()) {
                    throw new VisDialFormatException(scoresFile, where + ": round_id " + s.roundId() + " but the dialog has " + d.numRounds() + " rounds");
                }
                roundIds.add(s.roundId());
            } else {
                if (s.scores().length < d.numRounds()) {
                    throw new VisDialFormatException(scoresFile, where + ": scores for " + s.scores().length + " rounds, the dialog has " + d.numRounds());
                }
                if (dialogs.isTest()) roundIds.add(d.numRounds());
                else for (int r = 1; r <= d.numRounds(); r++) roundIds.add(r);
            }
            for (int roundId : roundIds) {
                float[] row = row(s, roundId);
                VisDialRound round = d.rounds().get(roundId - 1);
                if (row.length != round.answerOptions().length) {
                    throw new VisDialFormatException(scoresFile, where + " round " + roundId + ": " + row.length
                            + " scores for " + round.answerOptions().length + " options");
                }
                int[] r = OptionRanks.ranks(row); // (N) 1-based
                ranks.add(new RanksEntry(d.imageId(), roundId, r));
                if (round.hasGroundTruth()) sparse.observeRank(r[round.gtIndex()]);
            }
            DenseAnnotation a = denseByImage.get(d.imageId());
            if (a != null && (!s.lastRoundOnly() || s.roundId() == a.roundId())) {
                float[] row = row(s, a.roundId());
                if (row.length != a.relevance().length) {
                    throw new VisDialFormatException(scoresFile, where + " round " + a.roundId() + ": " + row.length
                            + " scores for " + a.relevance().length + " dense relevance values");
                }
                ndcg.observe(row, a.relevance());
            }
        }
        return new VisDialReport(sparse.count() == 0 ? null : sparse.retrieve(), ndcg.retrieve(),
                sparse.count(), ndcg.count(), ranks);
    }

    private static float[] row(DialogScores s, int roundId) {
        return s.lastRoundOnly() ? s.scores()[0] : s.scores()[roundId - 1];
    }

    private static String sample(List<Long> ids) {
        List<String> head = ids.stream().limit(10).map(String::valueOf).toList();
        return "[" + String.join(", ", head) + (ids.size() > 10 ? ", ..." : "") + "]";
    }
}
