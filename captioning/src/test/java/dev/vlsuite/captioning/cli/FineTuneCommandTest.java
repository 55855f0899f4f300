package dev.vlsuite.captioning.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.vlsuite.assets.dataset.SceneWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.WrittenDataset;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.captioning.api.CaptionModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** caption train --fine-tune writes a bundle with the tuned CNN, resumes, and eval runs it; misuse is a usage error. */
class FineTuneCommandTest {
    @TempDir Path tmp;

    private static String[] train(WrittenDataset data, Path out, String steps, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--dataset", data.datasetJson().toString(), "--images", data.dir().toString(),
                "--arch", "show-tell", "--backbone", "vgg-small", "--image-size", "32", "--embed", "16", "--hidden", "32",
                "--min-count", "1", "--batch", "4", "--steps", steps, "--validate-every", "2", "--val-images", "2",
                "--lr", "3e-3", "--threads", "1", "--out", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void fineTuneTrainsResumesAndEvaluates() throws Exception {
        WrittenDataset data = SceneWriter.write(tmp.resolve("synth"), SyntheticWorld.generate(4, 12, 64), new Splits(0.5, 0.25, 0.25));
        Path out = tmp.resolve("m.vlm");
        ToolRun first = ToolRun.real(train(data, out, "2", "--fine-tune", "--cnn-lr", "1e-4"));
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().startsWith("trained 2 steps"), first.out());
        ToolRun resumed = ToolRun.real(train(data, out, "4", "--fine-tune", "--cnn-lr", "1e-4", "--resume"));
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.out().startsWith("trained 4 steps"), resumed.out());
        try (CaptionModel m = CaptionModel.load(out, Device.cpu())) {
            assertTrue(m.backboneParameters().isPresent(), "no fine-tuned CNN in the bundle");
            assertTrue(m.metadata().path("fineTuned").asBoolean());
            assertEquals(1e-4, m.metadata().path("cnnLr").asDouble(), 1e-12);
        }
        ToolRun eval = ToolRun.real("eval", "--dataset", data.datasetJson().toString(), "--images", data.dir().toString(),
                "--split", "test", "--model", out.toString(), "--beam", "1", "--threads", "1");
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().contains("CIDEr"), eval.out());

        ToolRun misuse = ToolRun.real(train(data, tmp.resolve("x.vlm"), "2", "--cnn-lr", "1e-4"));
        assertEquals(2, misuse.exit(), misuse.err());
        assertTrue(misuse.err().contains("--cnn-lr needs --fine-tune"), misuse.err());
    }
}
