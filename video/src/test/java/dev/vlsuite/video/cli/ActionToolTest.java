package dev.vlsuite.video.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.VideoSamples;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.VideoDatasetWriter;
import dev.vlsuite.assets.video.ClipEncoder;
import dev.vlsuite.assets.video.ClipGenerator;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.video.api.ActionDefaultModel;
import dev.vlsuite.video.training.ActionCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/video classify, train --task classify and eval --task classify end to end; exit codes and error lines. */
class ActionToolTest {
    @Test
    void trainResumeClassifyAndEvaluateOnSyntheticMotions(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("clips");
        VideoDatasetWriter.write(data, ClipGenerator.generate(5, 16, new ClipGenerator.Options(48, 8, 8, 1)), Splits.DEFAULT,
                ClipEncoder.Codec.MPEG4, VideoDatasetWriter.Layout.MSRVTT, () -> {});
        Path truth = data.resolve("groundtruth.json");
        Path model = dir.resolve("act.vlm");
        String[] train = {"train", "--task", "classify", "--data", truth.toString(), "--frames", "4", "--image-size", "64",
                "--hidden", "16", "--epochs", "2", "--batch", "8", "--out", model.toString(), "--device", "cpu"};
        ToolRun t = ToolRun.of(train);
        assertEquals(0, t.exit(), t.err());
        assertTrue(t.out().startsWith("trained "), t.out());
        assertTrue(Files.exists(dir.resolve("act.vlm.run").resolve("checkpoint.vlm")));
        ToolRun again = ToolRun.of(train);
        assertEquals(2, again.exit(), again.err());
        assertTrue(again.err().contains("--resume"), again.err());
        String[] resumed = java.util.Arrays.copyOf(train, train.length + 1);
        resumed[train.length] = "--resume";
        ToolRun r = ToolRun.of(resumed);
        assertEquals(0, r.exit(), r.err());

        Path bad = dir.resolve("broken.mp4");
        Files.writeString(bad, "not a video at all");
        Path videos = data.resolve("videos");
        ToolRun run = ToolRun.of("classify", videos.toString(), bad.toString(), "--model", model.toString(), "--format", "jsonl",
                "--top", "2", "--device", "cpu");
        assertEquals(1, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(17, lines.size(), run.out());
        Set<String> labels = new HashSet<>(ActionCorpus.MOTION_CLASSES);
        for (String line : lines) {
            JsonNode rec = Json.MAPPER.readTree(line);
            if (rec.hasNonNull("error")) {
                assertEquals(bad.toString(), rec.get("file").asText());
                continue;
            }
            assertTrue(labels.contains(rec.get("label").asText()), line);
            assertEquals(2, rec.get("top").size(), line);
            assertEquals(rec.get("label").asText(), rec.get("top").get(0).get("label").asText());
            double p0 = rec.get("top").get(0).get("probability").asDouble(), p1 = rec.get("top").get(1).get("probability").asDouble();
            assertTrue(p0 >= p1 && p0 > 0 && p0 <= 1, line);
            assertEquals(4, rec.get("frames").asInt());
        }
        List<String> errors = run.errLines();
        assertEquals(1, errors.size(), run.err());
        assertTrue(errors.get(0).startsWith(bad + ": "), errors.get(0));

        ToolRun eval = ToolRun.of("eval", "--task", "classify", "--model", model.toString(), "--data", truth.toString(),
                "--split", "train", "--format", "json", "--device", "cpu");
        assertEquals(0, eval.exit(), eval.err());
        JsonNode report = Json.MAPPER.readTree(eval.out());
        int videosInSplit = ActionCorpus.read(truth, null, l -> {}).split(List.of("train")).size();
        assertEquals(videosInSplit, report.get("videos").asInt());
        int sum = 0, diagonal = 0;
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) sum += report.get("confusion").get(i).get(j).asInt();
            diagonal += report.get("confusion").get(i).get(i).asInt();
        }
        assertEquals(videosInSplit, sum);
        assertEquals((double) diagonal / sum, report.get("accuracy").asDouble(), 1e-9);
        ToolRun text = ToolRun.of("eval", "--task", "classify", "--model", model.toString(), "--data", truth.toString(),
                "--split", "train", "--device", "cpu");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().startsWith("accuracy "), text.out());
        assertTrue(text.out().contains("confusion matrix"), text.out());
    }

    @Test
    void usageErrorsExitTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path notModel = dir.resolve("x.vlm");
        Files.writeString(notModel, "garbage");
        Path clip = dir.resolve("c.mp4");
        Files.writeString(clip, "x");
        List<String[]> cases = List.of(
                new String[] {"classify", clip.toString(), "--top", "0"},
                new String[] {"classify", clip.toString(), "--model", notModel.toString()},
                new String[] {"classify", clip.toString(), "--frames", "4", "--fps", "2"},
                new String[] {"train", "--task", "classify", "--data", dir.resolve("none.txt").toString(), "--out", dir.resolve("m.vlm").toString()},
                new String[] {"train", "--task", "classify", "--proj", "8", "--data", clip.toString(), "--out", dir.resolve("m.vlm").toString()},
                new String[] {"train", "--task", "classify", "--data", clip.toString(), "--out", dir.resolve("m.vlm").toString()},
                new String[] {"train", "--task", "nonsense", "--data", clip.toString(), "--out", dir.resolve("m.vlm").toString()},
                new String[] {"eval", "--task", "classify", "--model", notModel.toString(), "--data", dir.resolve("none").toString()});
        for (String[] args : cases) {
            ToolRun r = ToolRun.of(args);
            assertEquals(2, r.exit(), String.join(" ", args) + "\n" + r.err());
            assertEquals(1, r.errLines().size(), r.err());
        }
    }

    @Test
    void theBuiltInClassifierNamesTheMotionsOfTheBundledSampleClips() throws Exception {
        assertTrue(ActionDefaultModel.available(), "the build should carry " + ActionDefaultModel.RESOURCE);
        Path samples = VideoSamples.folder();
        ToolRun run = ToolRun.of("classify", samples.resolve("videos").toString(), "--format", "json", "--device", "cpu");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.errLines().stream().anyMatch(l -> l.contains("built-in classifier")), run.err());
        JsonNode records = Json.MAPPER.readTree(run.out());
        assertEquals(VideoSamples.videos().size(), records.size());
        // the single-shape clips (one motion each): every direction named right (what the LSTM is proven on), most overall
        ActionCorpus truth = ActionCorpus.read(samples.resolve("groundtruth.json"), null, l -> {});
        int right = 0, directions = 0, directionsRight = 0;
        for (ActionCorpus.Item item : truth.items()) {
            String expected = truth.classes().get(item.label());
            boolean direction = List.of("left", "right", "up", "down").contains(expected);
            if (direction) directions++;
            for (JsonNode rec : records) {
                if (Path.of(rec.get("file").asText()).getFileName().equals(item.file().getFileName()) && rec.get("label").asText().equals(expected)) {
                    right++;
                    if (direction) directionsRight++;
                }
            }
        }
        assertTrue(directions >= 2, "the samples should hold single-shape clips that move");
        assertEquals(directions, directionsRight, "every moving single-shape sample clip named right\n" + run.out());
        assertTrue(2 * right > truth.items().size(), right + " of " + truth.items().size() + " single-motion sample clips named right\n" + run.out());
    }
}
