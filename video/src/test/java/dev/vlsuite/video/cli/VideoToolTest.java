package dev.vlsuite.video.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.VideoDatasetWriter;
import dev.vlsuite.assets.video.ClipEncoder;
import dev.vlsuite.assets.video.ClipGenerator;
import dev.vlsuite.shared.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/video end to end on a tiny synthetic set: train writes a bundle, caption reads files and folders. */
class VideoToolTest {
    @Test
    void trainThenCaptionAFolderWithABadFile(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("clips");
        VideoDatasetWriter.write(data, ClipGenerator.generate(5, 10, new ClipGenerator.Options(48, 8, 8, 1)), Splits.DEFAULT,
                ClipEncoder.Codec.MPEG4, VideoDatasetWriter.Layout.MSRVTT, () -> {});
        Path model = dir.resolve("s2vt.vlm");
        ToolRun train = ToolRun.of("train", "--data", data.resolve("videodatainfo.json").toString(), "--frames", "4",
                "--image-size", "64", "--proj", "16", "--embed", "16", "--hidden", "24", "--epochs", "2", "--batch", "8",
                "--out", model.toString(), "--device", "cpu");
        assertEquals(0, train.exit(), train.err());
        assertTrue(Files.size(model) > 0);
        assertTrue(train.out().contains("trained "), train.out());
        // checkpoints as the task kit writes them: a killed run can resume
        assertTrue(Files.exists(dir.resolve("s2vt.vlm.run").resolve("checkpoint.vlm")));

        Path bad = dir.resolve("broken.mp4");
        Files.writeString(bad, "not a video at all");
        Path videos = data.resolve("videos");
        int count;
        try (var s = Files.list(videos)) {
            count = (int) s.count();
        }
        ToolRun run = ToolRun.of("caption", videos.toString(), bad.toString(), "--model", model.toString(), "--format", "jsonl",
                "--beam", "2", "--frames", "4", "--device", "cpu");
        assertEquals(1, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(count + 1, lines.size(), run.out());
        int ok = 0;
        for (String line : lines) {
            JsonNode r = Json.MAPPER.readTree(line);
            if (r.hasNonNull("error")) {
                assertEquals(bad.toString(), r.get("file").asText());
            } else {
                ok++;
                assertEquals(4, r.get("frames").asInt());
                assertTrue(r.get("logProb").asDouble() < 0);
            }
        }
        assertEquals(count, ok);
        List<String> errors = run.errLines();
        assertEquals(1, errors.size(), run.err());
        assertTrue(errors.get(0).startsWith(bad + ": not a video"), errors.get(0));

        // time-based sampling: 8 frames at 8 fps are 1 s of video, so 4 per second gives 4 frames
        ToolRun fps = ToolRun.of("caption", videos.resolve("video0.mp4").toString(), "--model", model.toString(), "--fps", "4",
                "--format", "json", "--beam", "1", "--device", "cpu");
        assertEquals(0, fps.exit(), fps.err());
        assertEquals(4, Json.MAPPER.readTree(fps.out()).get(0).get("frames").asInt(), fps.out());
        assertEquals(2, ToolRun.of("caption", videos.toString(), "--model", model.toString(), "--fps", "4", "--frames", "3").exit());

        Path results = dir.resolve("results.json");
        ToolRun eval = ToolRun.of("eval", "--model", model.toString(), "--data", data.resolve("videodatainfo.json").toString(),
                "--split", "train", "--beam", "1", "--results", results.toString(), "--device", "cpu");
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().contains("CIDEr") && eval.out().contains("Bleu_4"), eval.out());
        JsonNode coco = Json.MAPPER.readTree(results.toFile());
        assertEquals(8, coco.size(), "one result per training clip");
        assertTrue(coco.get(0).get("image_id").asText().startsWith("video"));
    }

    @Test
    void anUnusableModelFileIsAUsageErrorNamingIt(@TempDir Path dir) throws Exception {
        Path notAModel = Files.writeString(dir.resolve("model.vlm"), "no bundle here");
        ToolRun run = ToolRun.of("caption", dir.toString(), "--model", notAModel.toString());
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.errLines().get(0).contains(notAModel.toString()), run.err());
    }
}
