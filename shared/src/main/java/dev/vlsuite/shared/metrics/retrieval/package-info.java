/**
 * The official VisDial v1.0 retrieval metrics (visdial-challenge-starter-pytorch {@code visdialch/metrics.py} at
 * 5844f3d; shared/ref/VISDIAL-EVAL.md is the algorithm): option ranks from scores, R@1/5/10, mean rank and MRR over
 * every round, NDCG on the dense rounds with the cut-off at k = number of options with non-zero relevance, float32
 * as the official code computes them; the VisDial files and the EvalAI ranks file.
 *
 * <pre>{@code
 * VisDialData dialogs = VisDialFiles.readDialogs(valJson);                 // test dialogs padded to 10 rounds
 * List<DenseAnnotation> dense = VisDialFiles.readDenseAnnotations(denseJson);
 * List<DialogScores> scores = VisDialFiles.readScores(scoresJson);         // val [rounds][100] or test round_id
 * VisDialReport report = VisDialEvaluator.evaluate(dialogs, dense, scores, scoresJson.toString());
 * System.out.print(report.toText());                                       // r@1 r@5 r@10 mean mrr ndcg
 * VisDialFiles.writeRanks(ranksJson, report.ranks());                      // EvalAI [{image_id, round_id, ranks}]
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.vlsuite.shared.metrics.retrieval.OptionRanks}: scores to 1-based ranks. Ties: torch's order is
 *       undefined; here the lower option index ranks first (stable), NaN ranks first.</li>
 *   <li>{@link dev.vlsuite.shared.metrics.retrieval.SparseRetrievalMetrics} and
 *       {@link dev.vlsuite.shared.metrics.retrieval.Ndcg}: the two official metric objects, usable in training
 *       validation round by round.</li>
 *   <li>{@link dev.vlsuite.shared.metrics.retrieval.VisDialEvaluator}: what evaluate.py does with a scores file.</li>
 * </ul>
 * Where vlsuite departs from the official code's accidents: a batch of one dialog works (the official NDCG crashes),
 * a val dialog without a dense annotation is simply not in the NDCG (the official reader raises), and float32 sums
 * are taken in order (torch's reduction order differs by about 1e-7). Checked against the official algorithm in
 * PyTorch (src/test/resources/metrics/visdial_metrics_reference.py).
 */
package dev.vlsuite.shared.metrics.retrieval;
