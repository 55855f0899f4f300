package dev.vlsuite.captioning.api;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.metrics.CaptionEvaluator;
import dev.vlsuite.shared.metrics.Metric;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitEvaluationTest {
    @TempDir Path tmp;

    private static Caption caption(String text) {
        return new Caption(text, List.of(text.split(" ")), -1, null, 0);
    }

    @Test
    void captionsAlignWithTheirImagesFailuresAreKeptAndResultsWritten() throws Exception {
        List<SplitEvaluation.Image> images = List.of(
                new SplitEvaluation.Image("7", tmp.resolve("a.png"), List.of("a red circle", "a red ball")),
                new SplitEvaluation.Image("8", tmp.resolve("b.png"), List.of("a blue square")),
                new SplitEvaluation.Image("9", tmp.resolve("c.png"), List.of("a green star")));
        Map<Path, String> says = Map.of(tmp.resolve("a.png"), "a red circle", tmp.resolve("c.png"), "a green star");
        Path results = tmp.resolve("out/results.json");
        SplitEvaluation.Result r = SplitEvaluation.run(images, (files, sink) -> files.forEach(f -> sink.accept(says.containsKey(f)
                ? CaptionOutcome.success(f, caption(says.get(f))) : CaptionOutcome.failure(f, "truncated PNG"))),
                CaptionEvaluator.builder().metrics(Metric.BLEU).build(), results);
        assertEquals(Map.of("7", "a red circle", "9", "a green star"), r.captions());
        assertEquals(List.of(tmp.resolve("b.png") + ": truncated PNG"), r.failures().stream().map(CaptionOutcome::errorLine).toList());
        assertEquals(1.0, r.report().corpus().get("Bleu_1"), 1e-9, "each caption scored against its own image's references");
        JsonNode written = Json.MAPPER.readTree(results.toFile());
        assertEquals(2, written.size());
        assertEquals("a green star", written.get(1).get("caption").asText());
    }

    @Test
    void aCaptionerThatLosesOrderIsABugAndNothingCaptionedIsAnError() {
        List<SplitEvaluation.Image> images = List.of(new SplitEvaluation.Image("1", tmp.resolve("a.png"), List.of("x")),
                new SplitEvaluation.Image("2", tmp.resolve("b.png"), List.of("y")));
        CaptionEvaluator bleu = CaptionEvaluator.builder().metrics(Metric.BLEU).build();
        assertThrows(IllegalStateException.class, () -> SplitEvaluation.run(images,
                (files, sink) -> List.of(files.get(1), files.get(0)).forEach(f -> sink.accept(CaptionOutcome.success(f, caption("x")))), bleu, null));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> SplitEvaluation.run(images,
                (files, sink) -> files.forEach(f -> sink.accept(CaptionOutcome.failure(f, "empty file"))), bleu, null));
        assertEquals("none of the 2 images could be captioned; nothing to score", none.getMessage());
    }
}
