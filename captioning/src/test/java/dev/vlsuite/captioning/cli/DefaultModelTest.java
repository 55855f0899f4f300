package dev.vlsuite.captioning.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.Samples;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.captions.CaptionDataset;
import dev.vlsuite.shared.io.captions.CaptionDatasets;
import dev.vlsuite.shared.metrics.CaptionEvaluator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the built-in model captions the bundled sample folder, and says it is the default. */
class DefaultModelTest {
    @TempDir Path tmp;

    @Test
    void builtInModelCaptionsTheSampleFolderLikeItsReferences() throws Exception {
        String old = System.getProperty("vlsuite.cache");
        System.setProperty("vlsuite.cache", tmp.toString());
        try {
            Path samples = Samples.folder();
            ToolRun r = ToolRun.real("run", "--format", "json", "--threads", "1", samples.resolve("images").toString());
            assertEquals(0, r.exit(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.errLines().get(0).startsWith("caption: no --model given: using the built-in default model"), r.err());
            CaptionDataset refs = CaptionDatasets.read(samples.resolve("dataset.json"));
            Map<String, String> byFile = new LinkedHashMap<>();
            for (JsonNode rec : Json.MAPPER.readTree(r.out())) {
                byFile.put(Path.of(rec.get("file").asText()).getFileName().toString(), rec.get("caption").asText());
            }
            Map<String, List<String>> references = new LinkedHashMap<>();
            Map<String, String> candidates = new LinkedHashMap<>();
            refs.images().forEach(i -> {
                references.put(i.id(), i.rawCaptions());
                candidates.put(i.id(), byFile.get(i.filename()));
            });
            assertEquals(refs.images().size(), byFile.size());
            double bleu4 = CaptionEvaluator.builder().build().evaluate(references, candidates).corpus().get("Bleu_4");
            System.err.println("default model on the samples: " + candidates + " Bleu_4 " + bleu4);
            assertTrue(bleu4 > 0.3, "Bleu_4 " + bleu4);
        } finally {
            if (old == null) System.clearProperty("vlsuite.cache");
            else System.setProperty("vlsuite.cache", old);
        }
    }
}
