package dev.vlsuite.shared.metrics.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.io.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 dialogs x 10 rounds x 100 options of random scores scored by the official algorithm in PyTorch
 * (resources/metrics/visdial_metrics_reference.py, written from shared/ref/VISDIAL-EVAL.md, batches of 128 as the
 * starter's config) and by vlsuite: every rank identical (random scores have no ties), the six metrics within 1e-6
 * (float32 reductions in a different order).
 */
class VisDialOfficialParityTest {
    private static final int DIALOGS = 200;
    private static final int ROUNDS = 10;
    private static final int OPTIONS = 100;

    @TempDir Path dir;

    @Test
    void matchesTheOfficialAlgorithmOnRandomScores() throws Exception {
        Path python = torchPython();
        Assumptions.assumeTrue(python != null, "skipped: no python3 with torch on this machine to run the official algorithm");
        Random rnd = new Random(20261201L);
        float[][][] scores = new float[DIALOGS][ROUNDS][OPTIONS];
        int[][] gt = new int[DIALOGS][ROUNDS];
        int[] denseRound = new int[DIALOGS];
        float[][] relevance = new float[DIALOGS][OPTIONS];
        float[] levels = {0.2f, 0.4f, 0.5f, 0.6f, 0.8f, 1f};
        ObjectNode input = Json.MAPPER.createObjectNode();
        ArrayNode s = input.putArray("scores");
        ArrayNode g = input.putArray("gt_index");
        ArrayNode dr = input.putArray("dense_round");
        ArrayNode rel = input.putArray("relevance");
        for (int d = 0; d < DIALOGS; d++) {
            ArrayNode sd = s.addArray();
            ArrayNode gd = g.addArray();
            for (int r = 0; r < ROUNDS; r++) {
                ArrayNode row = sd.addArray();
                // a model that is right more often than chance, so R@k and MRR are not all near their floor
                gt[d][r] = rnd.nextInt(OPTIONS);
                for (int o = 0; o < OPTIONS; o++) {
                    scores[d][r][o] = (float) (rnd.nextGaussian() + (o == gt[d][r] ? 2.0 : 0.0));
                    row.add(scores[d][r][o]);
                }
                gd.add(gt[d][r]);
            }
            denseRound[d] = 1 + rnd.nextInt(ROUNDS);
            dr.add(denseRound[d]);
            // k from 1 to 100 relevant options: single-relevant rounds, typical ones, and all-relevant
            int relevant = d % 10 == 0 ? 1 : d % 10 == 1 ? OPTIONS : 1 + rnd.nextInt(30);
            ArrayNode rr = rel.addArray();
            for (int o = 0; o < OPTIONS; o++) {
                relevance[d][o] = rnd.nextInt(OPTIONS) < relevant || o == gt[d][denseRound[d] - 1]
                        ? levels[rnd.nextInt(levels.length)] : 0f;
                rr.add(relevance[d][o]);
            }
        }
        Json.MAPPER.writeValue(dir.resolve("input.json").toFile(), input);
        Path script = dir.resolve("visdial_metrics_reference.py");
        try (InputStream in = getClass().getResourceAsStream("/metrics/visdial_metrics_reference.py")) {
            Files.copy(in, script);
        }
        Process p = new ProcessBuilder(python.toString(), script.toString(), dir.resolve("input.json").toString(),
                dir.resolve("official.json").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("python.log").toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the PyTorch reference did not finish in 300 s");
        assertEquals(0, p.exitValue(), () -> "the PyTorch reference failed: " + log());
        JsonNode official = Json.MAPPER.readTree(dir.resolve("official.json").toFile());

        SparseRetrievalMetrics sparse = new SparseRetrievalMetrics();
        Ndcg ndcg = new Ndcg();
        JsonNode ranks = official.get("ranks");
        for (int d = 0; d < DIALOGS; d++) {
            for (int r = 0; r < ROUNDS; r++) {
                int[] mine = OptionRanks.ranks(scores[d][r]);
                for (int o = 0; o < OPTIONS; o++) {
                    assertEquals(ranks.get(d).get(r).get(o).intValue(), mine[o], "rank of dialog " + d + " round " + r + " option " + o);
                }
                sparse.observe(scores[d][r], gt[d][r]);
            }
            ndcg.observe(scores[d][denseRound[d] - 1], relevance[d]);
        }
        var m = sparse.retrieve();
        assertEquals(official.get("r@1").doubleValue(), m.r1(), 1e-6, "r@1");
        assertEquals(official.get("r@5").doubleValue(), m.r5(), 1e-6, "r@5");
        assertEquals(official.get("r@10").doubleValue(), m.r10(), 1e-6, "r@10");
        assertEquals(official.get("mean").doubleValue(), m.meanRank(), 1e-6, "mean");
        assertEquals(official.get("mrr").doubleValue(), m.mrr(), 1e-6, "mrr");
        assertEquals(official.get("ndcg").doubleValue(), ndcg.retrieve(), 1e-6, "ndcg");
        // not a degenerate case: the metrics are spread over their range
        assertTrue(m.r1() > 0.05 && m.r10() < 0.95 && m.meanRank() > 3, m.toString());
        assertTrue(ndcg.retrieve() > 0.05 && ndcg.retrieve() < 0.95, "ndcg " + ndcg.retrieve());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("python.log"));
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }

    /** /usr/bin/python3 (Debian's, which sees python3-torch) or python3, when it imports torch; else null. */
    static Path torchPython() {
        for (String candidate : new String[] {"/usr/bin/python3", "python3"}) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import torch").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) return Path.of(candidate);
            } catch (java.io.IOException | InterruptedException notThere) {
                // try the next one
            }
        }
        return null;
    }
}
