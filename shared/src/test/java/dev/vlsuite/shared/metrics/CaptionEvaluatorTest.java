package dev.vlsuite.shared.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptionEvaluatorTest {
    @Test
    void tokenizesOnceThenScoresWithToolkitNames() {
        Map<String, List<String>> refs = new LinkedHashMap<>();
        Map<String, String> cands = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) { // enough images for a parallel split; results must not depend on it
            refs.put("img" + i, List.of("A dog (brown) runs on the grass.", "The dog's running, fast!"));
            cands.put("img" + i, i % 2 == 0 ? "A DOG runs on the grass." : "A cat sleeps.");
        }
        CaptionEvaluator ev = CaptionEvaluator.builder().metrics(Metric.BLEU, Metric.ROUGE_L, Metric.CIDER).build();
        CaptionEvaluator.Tokenized t = ev.tokenize(refs, cands);
        assertEquals(List.of("a dog -lrb- brown -rrb- runs on the grass", "the dog 's running fast"), t.refs().get("img3"));
        assertEquals("a dog runs on the grass", t.candidates().get("img0"));
        EvaluationReport r = ev.evaluate(refs, cands);
        assertEquals(List.of("Bleu_1", "Bleu_2", "Bleu_3", "Bleu_4", "ROUGE_L", "CIDEr"), List.copyOf(r.corpus().keySet()));
        assertEquals(List.copyOf(refs.keySet()), List.copyOf(r.perImage().keySet()));
        assertEquals(ev.evaluateTokenized(t.refs(), t.candidates()), r);
        assertEquals(r, ev.evaluate(refs, cands)); // deterministic across runs
        assertTrue(r.perImage().get("img0").get("ROUGE_L") > r.perImage().get("img1").get("ROUGE_L"));
    }

    @Test
    void refusesMismatchedIdsAndMissingMeteor() {
        CaptionEvaluator ev = CaptionEvaluator.builder().build();
        IdMismatchException e = assertThrows(IdMismatchException.class,
                () -> ev.evaluate(Map.of("a", List.of("x")), Map.of("b", "x")));
        assertEquals(List.of("a"), e.onlyInRefs());
        assertThrows(IllegalStateException.class, () -> CaptionEvaluator.builder().metrics(Metric.METEOR).build());
    }
}
