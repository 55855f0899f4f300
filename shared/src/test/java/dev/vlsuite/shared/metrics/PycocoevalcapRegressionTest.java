package dev.vlsuite.shared.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vlsuite.shared.io.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 52 images scored by an independent Python re-implementation of pycocoevalcap's scorers
 * (resources/metrics/pycocoevalcap_reimpl.py, run with /usr/bin/python3): empty candidates, 1/3/5
 * references, one-word captions, no-break spaces, repeated words. Corpus and per-image, to 1e-9.
 */
class PycocoevalcapRegressionTest {
    record Reference(Map<String, List<String>> refs, Map<String, String> cands,
                     Map<String, Double> corpus, Map<String, Map<String, Double>> per_image) {}

    private static Reference load() throws Exception {
        try (InputStream in = PycocoevalcapRegressionTest.class.getResourceAsStream("/metrics/pycocoevalcap-reference.json")) {
            return Json.MAPPER.readValue(in, new TypeReference<Reference>() {});
        }
    }

    @Test
    void everyMetricMatchesThePythonNumbers() throws Exception {
        Reference ref = load();
        List<MetricScore> scores = new ArrayList<>(new Bleu().scoreAll(ref.refs(), ref.cands()));
        scores.add(new RougeL().score(ref.refs(), ref.cands()));
        scores.add(new CiderD().score(ref.refs(), ref.cands()));
        for (MetricScore s : scores) {
            assertEquals(ref.corpus().get(s.name()), s.corpus(), 1e-9, s.name());
            assertEquals(ref.per_image().size(), s.perImage().size());
            for (var e : ref.per_image().entrySet()) {
                assertEquals(e.getValue().get(s.name()), s.perImage().get(e.getKey()), 1e-9, s.name() + " image " + e.getKey());
            }
        }
        // the resource is not trivial: some images score high, CIDEr spreads over a real range
        assertEquals(true, ref.per_image().values().stream().anyMatch(m -> m.get("Bleu_3") > 0.5));
        assertEquals(true, ref.corpus().get("CIDEr") > 0.1);
    }

    @Test
    void imageOrderDoesNotChangeScores() throws Exception {
        Reference ref = load();
        List<String> ids = new ArrayList<>(ref.refs().keySet());
        java.util.Collections.reverse(ids);
        Map<String, List<String>> refs = new LinkedHashMap<>();
        for (String id : ids) refs.put(id, ref.refs().get(id));
        assertEquals(ref.corpus().get("CIDEr"), new CiderD().score(refs, ref.cands()).corpus(), 1e-12);
        assertEquals(ref.corpus().get("Bleu_2"), new Bleu().scoreAll(refs, ref.cands()).get(1).corpus(), 1e-12);
    }
}
