package dev.vlsuite.vqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.dataset.SceneWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.shared.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/vqa end to end on a tiny synthetic set: train writes a bundle, ask answers, bad inputs are one line each. */
class VqaToolTest {
    @Test
    void trainThenAskWithABadImageAndAttentionPictures(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("shapes");
        SceneWriter.write(data, SyntheticWorld.generate(3, 20, 128, WorldOptions.DEFAULT), new Splits(0.8, 0.2, 0.0));
        Path model = dir.resolve("san.vlm");
        ToolRun train = ToolRun.of("train", "--questions", data.resolve("questions.json").toString(),
                "--annotations", data.resolve("annotations.json").toString(), "--images", data.toString(),
                "--embed", "16", "--hidden", "24", "--layers", "1", "--attention-dim", "16", "--epochs", "2", "--batch", "32",
                "--out", model.toString(), "--device", "cpu");
        assertEquals(0, train.exit(), train.err());
        assertTrue(Files.size(model) > 0);
        assertTrue(train.out().contains("best validation accuracy "), train.out());
        assertTrue(train.err().contains("train: san, "), train.err());
        assertTrue(Files.exists(dir.resolve("san.vlm.run").resolve("checkpoint.vlm")));
        // a second run without --resume refuses to overwrite; --resume on a finished run says so
        assertEquals(2, ToolRun.of("train", "--questions", data.resolve("questions.json").toString(), "--annotations",
                data.resolve("annotations.json").toString(), "--images", data.toString(), "--out", model.toString()).exit());

        // eval: the official results file and the report score prints for it
        Path results = dir.resolve("results.json");
        ToolRun eval = ToolRun.of("eval", "--questions", data.resolve("questions.json").toString(),
                "--annotations", data.resolve("annotations.json").toString(), "--images", data.toString(), "--split", "val",
                "--model", model.toString(), "--results", results.toString(), "--device", "cpu");
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().startsWith("Overall Accuracy is: "), eval.out());
        JsonNode written = Json.MAPPER.readTree(results.toFile());
        assertTrue(written.isArray() && written.size() > 0);
        assertTrue(written.get(0).has("question_id") && written.get(0).get("answer").isTextual());
        ToolRun score = ToolRun.of("score", "--questions", data.resolve("questions.json").toString(),
                "--annotations", data.resolve("annotations.json").toString(), "--results", results.toString());
        // the results cover the val split only: the official loader rejects them against the whole file, naming the ids
        assertEquals(1, score.exit(), score.err());
        assertTrue(score.errLines().get(0).contains(results.toString()), score.err());

        Path image = data.resolve("images/000000.png");
        Path bad = dir.resolve("broken.png");
        Files.writeString(bad, "not an image");
        Path att = dir.resolve("att");
        ToolRun ask = ToolRun.of("ask", "--image", image.toString(), "how many shapes are there?", "what color is the circle?",
                "--model", model.toString(), "--format", "jsonl", "--top", "3", "--attention", att.toString(), "--device", "cpu");
        assertEquals(0, ask.exit(), ask.err());
        List<String> lines = ask.out().lines().toList();
        assertEquals(2, lines.size(), ask.out());
        JsonNode r = Json.MAPPER.readTree(lines.get(0));
        assertEquals("how many shapes are there?", r.get("question").asText());
        assertEquals(3, r.get("top").size());
        assertEquals(r.get("answer").asText(), r.get("top").get(0).get("answer").asText());
        assertTrue(r.get("score").asDouble() > 0 && r.get("score").asDouble() <= 1);
        assertTrue(r.get("error").isNull());
        assertTrue(Files.size(att.resolve("000000-q0.png")) > 0 && Files.size(att.resolve("000000-q1.png")) > 0);

        ToolRun broken = ToolRun.of("ask", "--image", bad.toString(), "how many shapes are there?", "--model", model.toString(),
                "--format", "json", "--device", "cpu");
        assertEquals(1, broken.exit(), broken.err());
        assertEquals(List.of(bad + ": not an image (unrecognised format; expected JPEG, PNG, GIF, BMP, WebP, TIFF, JPEG 2000, "
                + "PBM/PGM/PPM, PFM, Sun raster or Radiance HDR)"), broken.errLines());
        JsonNode failed = Json.MAPPER.readTree(broken.out()).get(0);
        assertEquals(bad.toString(), failed.get("image").asText());
        assertTrue(failed.get("answer").isNull());

        // usage errors: one line, exit 2
        ToolRun missing = ToolRun.of("ask", "--image", image.toString(), "q?", "--model", dir.resolve("none.vlm").toString());
        assertEquals(2, missing.exit());
        assertEquals(1, missing.errLines().size(), missing.err());
        assertTrue(missing.errLines().get(0).contains("none.vlm"), missing.err());
        assertEquals(2, ToolRun.of("ask", "q?").exit());
        assertEquals(2, ToolRun.of("ask", "--image", image.toString(), "q?", "--top", "0").exit());
    }
}
