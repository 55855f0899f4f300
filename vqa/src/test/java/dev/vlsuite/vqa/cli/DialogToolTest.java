package dev.vlsuite.vqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.dataset.DialogWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.shared.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** synth dialogs -> dialog-train -> dialog-eval -> dialog-score: files in the official layouts that agree. */
class DialogToolTest {
    @Test
    void trainsEvaluatesAndScoresTheWrittenFiles(@TempDir Path dir) throws Exception {
        DialogWriter.write(dir, SyntheticWorld.generate(3, 20, 32, new WorldOptions(1, 2, true)), new Splits(0.5, 0.5, 0.0), () -> { });
        String train = dir.resolve(DialogWriter.dialogsFile("train")).toString();
        String val = dir.resolve(DialogWriter.dialogsFile("val")).toString();
        String dense = dir.resolve("visdial_1.0_val_dense_annotations.json").toString();
        Path model = dir.resolve("dialog.vlm");
        ToolRun t = ToolRun.of("dialog-train", "--train", train, "--val", val, "--dense", dense, "--images", dir.toString(),
                "--embed", "8", "--hidden", "8", "--layers", "1", "--epochs", "1", "--batch", "50", "--out", model.toString());
        assertEquals(0, t.exit(), t.err());
        assertTrue(Files.size(model) > 0 && t.out().contains("best validation MRR"), t.out());
        ToolRun again = ToolRun.of("dialog-train", "--train", train, "--images", dir.toString(), "--embed", "8", "--hidden", "8",
                "--layers", "1", "--epochs", "1", "--out", model.toString());
        assertEquals(2, again.exit(), "an earlier run needs --resume: " + again.err());

        Path scores = dir.resolve("scores.json");
        Path ranks = dir.resolve("ranks.json");
        ToolRun e = ToolRun.of("dialog-eval", "--model", model.toString(), "--dialogs", val, "--dense", dense, "--images", dir.toString(),
                "--scores", scores.toString(), "--ranks", ranks.toString(), "--format", "json");
        assertEquals(0, e.exit(), e.err());
        JsonNode evalReport = Json.MAPPER.readTree(e.out());
        assertEquals(100, evalReport.get("rounds").asInt(), "10 val dialogs x 10 rounds");
        assertEquals(100, Json.MAPPER.readTree(ranks.toFile()).size());
        ToolRun s = ToolRun.of("dialog-score", "--dialogs", val, "--dense", dense, "--scores", scores.toString(), "--format", "json");
        assertEquals(0, s.exit(), s.err());
        assertEquals(evalReport, Json.MAPPER.readTree(s.out()), "the written scores give the printed metrics");

        Path image = firstValImage(dir, val);
        ToolRun chat = chat("what color is the circle\n\nwhere is it\n", "chat", "--model", model.toString(), "--image", image.toString(),
                "--caption", "two shapes");
        assertEquals(0, chat.exit(), chat.err());
        java.util.List<String> said = chat.out().lines().toList();
        assertEquals(2, said.size(), "one answer per question line: " + chat.out());
        Path candidates = dir.resolve("candidates.txt");
        Files.writeString(candidates, "yes\nno\n");
        ToolRun ranked = chat("is it red\n", "chat", "--model", model.toString(), "--image", image.toString(), "--candidates",
                candidates.toString(), "--scores");
        assertEquals(0, ranked.exit(), ranked.err());
        assertTrue(ranked.out().strip().matches("(yes|no)\t-?[0-9.]+"), ranked.out());

        Files.delete(image);
        ToolRun missing = ToolRun.of("dialog-eval", "--model", model.toString(), "--dialogs", val, "--images", dir.toString());
        assertEquals(1, missing.exit(), missing.err());
        assertTrue(missing.errLines().get(0).contains(val) && missing.errLines().get(0).contains("skipped"), missing.err());

        ToolRun notAModel = ToolRun.of("dialog-eval", "--model", scores.toString(), "--dialogs", val, "--images", dir.toString());
        assertEquals(2, notAModel.exit(), notAModel.err());
        assertTrue(notAModel.errLines().get(0).contains(scores.toString()), notAModel.err());
    }

    private static ToolRun chat(String stdin, String... args) {
        java.io.InputStream old = System.in;
        System.setIn(new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            return ToolRun.of(args);
        } finally {
            System.setIn(old);
        }
    }

    private static Path firstValImage(Path dir, String val) throws Exception {
        long id = Json.MAPPER.readTree(Path.of(val).toFile()).get("data").get("dialogs").get(0).get("image_id").asLong();
        return dir.resolve(String.format("images/%06d.png", id));
    }
}
