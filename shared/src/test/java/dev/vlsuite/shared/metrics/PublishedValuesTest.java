package dev.vlsuite.shared.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MS-COCO toolkit's own outputs on its example (METRICS.md), to 1e-9. */
class PublishedValuesTest {
    private static final Map<String, List<String>> REFS = Map.of("1", List.of("this is a test", "this is also a test"));
    private static final Map<String, String> CANDS = Map.of("1", "this is a good test");

    @Test
    void bleuMatchesToolkit() {
        List<MetricScore> b = new Bleu().scoreAll(REFS, CANDS);
        double[] expected = {0.79999999968, 0.63245553176, 0.51087295469, 9.036e-05};
        for (int k = 0; k < 4; k++) {
            assertEquals("Bleu_" + (k + 1), b.get(k).name());
            assertEquals(expected[k], b.get(k).corpus(), k == 3 ? 1e-9 : 1e-9);
            assertEquals(b.get(k).corpus(), b.get(k).perImage().get("1"), 1e-15);
        }
    }

    @Test
    void rougeMatchesToolkit() {
        MetricScore r = new RougeL().score(REFS, CANDS);
        assertEquals("ROUGE_L", r.name());
        assertEquals(0.9070631970260222, r.corpus(), 1e-12);
    }

    @Test
    void ciderIsZeroOnASingleImage() {
        MetricScore c = new CiderD().score(REFS, CANDS);
        assertEquals("CIDEr", c.name());
        assertEquals(0.0, c.corpus(), 0.0);
        assertEquals(0.0, c.perImage().get("1"), 0.0);
    }
}
