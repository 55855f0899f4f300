package dev.vlsuite.captioning.cli;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.Device;
import dev.vlsuite.assets.dataset.SceneWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.WrittenDataset;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.captioning.api.CaptionModel;
import dev.vlsuite.captioning.model.Arch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** caption train -> eval with the real decoders, tiny sizes; resume continues the same run. */
class TrainCommandTest {
    @TempDir Path tmp;

    private static String[] train(WrittenDataset data, Path out, String steps, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--dataset", data.datasetJson().toString(), "--images", data.dir().toString(),
                "--arch", "soft", "--backbone", "vgg-small", "--image-size", "64", "--embed", "16", "--hidden", "32",
                "--attention-dim", "16", "--min-count", "1", "--batch", "8", "--steps", steps, "--validate-every", "4",
                "--val-images", "4", "--lr", "3e-3", "--threads", "1", "--out", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void trainWritesALoadableModelThatEvalScoresAndResumeContinues() throws Exception {
        WrittenDataset data = SceneWriter.write(tmp.resolve("synth"), SyntheticWorld.generate(9, 24, 64), new Splits(0.6, 0.2, 0.2));
        Path out = tmp.resolve("m.vlm");
        ToolRun first = ToolRun.real(train(data, out, "4"));
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().startsWith("trained 4 steps"), first.out());
        try (CaptionModel m = CaptionModel.load(out, Device.cpu())) {
            assertEquals(Arch.SOFT, m.config().arch());
            assertEquals(32, m.config().hiddenSize());
            assertEquals(m.vocabulary().size(), m.config().vocabSize());
        }

        ToolRun again = ToolRun.real(train(data, out, "8"));
        assertEquals(2, again.exit());
        assertTrue(again.errLines().get(0).contains("--resume"), again.err());
        ToolRun resumed = ToolRun.real(train(data, out, "8", "--resume"));
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.out().startsWith("trained 8 steps"), resumed.out());

        Path results = tmp.resolve("results.json");
        ToolRun eval = ToolRun.real("eval", "--dataset", data.datasetJson().toString(), "--images", data.dir().toString(),
                "--split", "test", "--model", out.toString(), "--beam", "2", "--results", results.toString(), "--threads", "1");
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().contains("CIDEr"), eval.out());
        assertTrue(Files.size(results) > 2);
    }

    @Test
    void scheduleOptionsReachTheLoop() throws Exception {
        WrittenDataset data = SceneWriter.write(tmp.resolve("synth"), SyntheticWorld.generate(9, 24, 64), new Splits(0.6, 0.2, 0.2));
        Path out = tmp.resolve("s.vlm");
        ToolRun run = ToolRun.real(train(data, out, "20", "--lr-schedule", "step", "--decay-every", "5", "--gamma", "0.5",
                "--log-every", "5"));
        assertEquals(0, run.exit(), run.err());
        List<Double> lrs = new ArrayList<>();
        for (String line : Files.readAllLines(tmp.resolve("s.vlm.run").resolve("metrics.jsonl"))) {
            var node = dev.vlsuite.shared.io.Json.MAPPER.readTree(line);
            if (node.get("type").asText().equals("train")) lrs.add(node.get("lr").asDouble());
        }
        // the lr of the last step of each 5-step window: 3e-3 halved every 5 steps
        assertEquals(4, lrs.size(), lrs.toString());
        double[] expected = {3e-3, 1.5e-3, 7.5e-4, 3.75e-4};
        for (int i = 0; i < 4; i++) assertEquals(expected[i], lrs.get(i), 1e-12, lrs.toString());

        for (String[] bad : List.of(new String[] {"--lr-schedule", "step"}, new String[] {"--lr-schedule", "linear"},
                new String[] {"--checkpoint-minutes", "-1"}, new String[] {"--lr-schedule", "cosine", "--min-lr-fraction", "2"})) {
            ToolRun refused = ToolRun.real(train(data, tmp.resolve("bad.vlm"), "4", bad));
            assertEquals(2, refused.exit(), String.join(" ", bad) + ": " + refused.err());
            assertEquals(1, refused.errLines().size(), refused.err());
        }
    }
}
