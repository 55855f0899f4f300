package dev.vlsuite.shared.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vlsuite.shared.io.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CaptionEvaluator.evaluate (what `score`, `caption eval` and training validation run: raw captions in,
 * tokenization, all four metrics) gives the numbers of the MS-COCO caption toolkit itself. Every expected
 * value was printed by the toolkit (../shared/ref/coco-caption-toolkit/evaluate.py, pycocoevalcap @ ad63453,
 * CoreNLP 3.4.1, METEOR 1.5 with an empty paraphrase table) on 2026-12-01; the tests do not run it.
 */
class ToolkitParityTest {
    private static final String METEOR = "METEOR (exact+stem+synonym)";
    private static CaptionEvaluator evaluator;

    @BeforeAll
    static void load() throws Exception {
        evaluator = CaptionEvaluator.builder().metrics(EnumSet.allOf(Metric.class)).withMeteor(null).build();
    }

    private static double score(EvaluationReport r, String id, String toolkitName) {
        return r.perImage().get(id).get(toolkitName.equals("METEOR") ? METEOR : toolkitName);
    }

    /** Issue 7: captions with <unk>, </s> and '10, as a model emits them. */
    @Test
    void unknownWordsAndApostropheYearsScoreAsInTheToolkit() {
        Map<String, List<String>> refs = new LinkedHashMap<>();
        refs.put("1", List.of("a van parked on the side of the road"));
        refs.put("2", List.of("ten boys throwing a frisbee in a park", "a group of boys playing frisbee", "'10 boys throw a frisbee on the grass"));
        refs.put("3", List.of("a man riding a <unk> down the street", "a man riding a horse down a street", "a person on a horse in the road"));
        Map<String, String> cands = new LinkedHashMap<>();
        cands.put("1", "a van parked on the side of the road <unk>");
        cands.put("2", "'10 boys throwing a frisbee");
        cands.put("3", "a man riding a <unk> on the street </s>");
        EvaluationReport r = evaluator.evaluate(refs, cands);

        // toolkit per image, ids 1 2 3
        Map<String, double[]> toolkit = new LinkedHashMap<>();
        toolkit.put("Bleu_1", new double[] {0.8999999999100001, 0.8187307527504899, 0.8888888887901236});
        toolkit.put("Bleu_2", new double[] {0.8944271909055043, 0.8187307527300217, 0.7453559924119366});
        toolkit.put("Bleu_3", new double[] {0.8879040016431228, 0.7152271914379645, 0.6197980941627991});
        toolkit.put("Bleu_4", new double[] {0.8801117366880071, 0.6221008428050426, 0.5307712170348426});
        toolkit.put("METEOR", new double[] {0.5682387491679568, 0.4072880946758505, 0.46322616084618});
        toolkit.put("ROUGE_L", new double[] {0.9564459930313588, 0.5907990314769976, 0.8323586744639376});
        toolkit.put("CIDEr", new double[] {9.036420217277527, 2.677229837005775, 3.1650153722836376});
        toolkit.forEach((metric, values) -> {
            for (int i = 0; i < 3; i++) assertEquals(values[i], score(r, String.valueOf(i + 1), metric), 1e-9, metric + " image " + (i + 1));
        });
        assertEquals(0.9166666666284722, r.corpus().get("Bleu_1"), 1e-9);
        assertEquals(0.7381170957162658, r.corpus().get("Bleu_4"), 1e-9);
        assertEquals(0.4773422236220431, r.corpus().get(METEOR), 1e-9);
        assertEquals(0.7932012329907647, r.corpus().get("ROUGE_L"), 1e-9);
        assertEquals(4.95955514218898, r.corpus().get("CIDEr"), 1e-9);
    }

    record Adversarial(Map<String, List<String>> refs, Map<String, String> candidates,
                       Map<String, Double> corpus, Map<String, Map<String, Double>> per_image) {}

    /**
     * 75 images of bench/adversarial_captions.py (tags, quotes, apostrophes, numbers, unicode, emoji, symbols,
     * URLs, capitals); 60 of them scored differently from the toolkit before issue 7. Per image, to 1e-9.
     */
    @Test
    void adversarialCaptionsScoreAsInTheToolkit() throws Exception {
        Adversarial a;
        try (InputStream in = getClass().getResourceAsStream("/metrics/toolkit-adversarial.json")) {
            a = Json.MAPPER.readValue(in, new TypeReference<Adversarial>() {});
        }
        EvaluationReport r = evaluator.evaluate(a.refs(), a.candidates());
        List<String> wrong = new ArrayList<>();
        a.per_image().forEach((id, metrics) -> metrics.forEach((m, v) -> {
            double got = score(r, id, m);
            if (Math.abs(got - v) > 1e-9) wrong.add(id + " " + m + ": " + got + " (toolkit " + v + ")");
        }));
        assertEquals(List.of(), wrong);
        assertEquals(75, a.per_image().size());
        a.corpus().forEach((m, v) -> assertEquals(v, r.corpus().get(m.equals("METEOR") ? METEOR : m), 1e-9, m));
    }
}
