package dev.vlsuite.vqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.dataset.DialogWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.vqa.api.VisualDialog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dialog-train --decoder both writes one model with the two heads (the decoder saved in the bundle); dialog-eval ranks
 * with either ({@code --decoder gen|disc}); chat answers from the training answers by default (disc) and, with
 * {@code --decoder gen}, writes every answer in words of the training answers (beam search); with --candidates it
 * ranks them by their likelihood.
 */
class GenerativeDialogToolTest {
    @Test
    void generativeModelTrainsEvaluatesAndChats(@TempDir Path dir) throws Exception {
        DialogWriter.write(dir, SyntheticWorld.generate(3, 20, 32, new WorldOptions(1, 2, true)), new Splits(0.5, 0.5, 0.0), () -> { });
        String train = dir.resolve(DialogWriter.dialogsFile("train")).toString();
        String val = dir.resolve(DialogWriter.dialogsFile("val")).toString();
        Path model = dir.resolve("both.vlm");
        ToolRun t = ToolRun.of("dialog-train", "--decoder", "both", "--train", train, "--images", dir.toString(),
                "--embed", "16", "--hidden", "32", "--layers", "1", "--dropout", "0", "--epochs", "6", "--batch", "20", "--lr", "5e-3",
                "--out", model.toString());
        assertEquals(0, t.exit(), t.err());
        try (VisualDialog d = VisualDialog.load(model, ai.djl.Device.cpu())) {
            assertEquals("both", d.config().decoder(), "the decoder is saved in the bundle");
            assertTrue(!d.generative() && d.useDecoder("gen").generative(), "disc answers by default, gen on request");
        }
        ToolRun bad = ToolRun.of("dialog-train", "--decoder", "neither", "--train", train, "--images", dir.toString(), "--out", dir.resolve("x.vlm").toString());
        assertEquals(2, bad.exit(), bad.err());

        for (String head : List.of("disc", "gen")) {
            ToolRun e = ToolRun.of("dialog-eval", "--model", model.toString(), "--decoder", head, "--dialogs", val, "--images", dir.toString(), "--format", "json");
            assertEquals(0, e.exit(), e.err());
            JsonNode report = Json.MAPPER.readTree(e.out());
            assertEquals(100, report.get("rounds").asInt(), "10 val dialogs x 10 rounds");
        }

        Set<String> answerWords = new HashSet<>();
        JsonNode answers = Json.MAPPER.readTree(Path.of(train).toFile()).get("data").get("answers");
        answers.forEach(a -> answerWords.addAll(List.of(a.asText().toLowerCase().split("[^a-z0-9]+"))));
        long id = Json.MAPPER.readTree(Path.of(val).toFile()).get("data").get("dialogs").get(0).get("image_id").asLong();
        Path image = dir.resolve(String.format("images/%06d.png", id));
        ToolRun disc = chat("what color is the circle\n", "chat", "--model", model.toString(), "--image", image.toString());
        assertEquals(0, disc.exit(), disc.err());
        assertTrue(answers.toString().contains("\"" + disc.out().strip() + "\""), "disc ranks the training answers: " + disc.out());
        ToolRun chat = chat("what color is the circle\nwhere is it\n", "chat", "--model", model.toString(), "--image", image.toString(), "--decoder", "gen");
        assertEquals(0, chat.exit(), chat.err());
        List<String> said = chat.out().lines().toList();
        assertEquals(2, said.size(), "one answer per question: " + chat.out());
        for (String s : said) {
            assertTrue(!s.isBlank() && answerWords.containsAll(List.of(s.split(" "))), "a written answer in the answers' words: '" + s + "'");
        }
        Path candidates = dir.resolve("candidates.txt");
        Files.writeString(candidates, "yes\nno\n");
        ToolRun ranked = chat("is it red\n", "chat", "--model", model.toString(), "--image", image.toString(), "--candidates",
                candidates.toString(), "--scores", "--decoder", "gen");
        assertEquals(0, ranked.exit(), ranked.err());
        assertTrue(ranked.out().strip().matches("(yes|no)\t-[0-9.]+"), "a candidate and its mean log-probability: " + ranked.out());
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
}
