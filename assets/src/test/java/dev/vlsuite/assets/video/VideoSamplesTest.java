package dev.vlsuite.assets.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.VideoSamples;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.VideoDatasetWriter;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.video.FrameReader;
import dev.vlsuite.shared.video.Sampling;
import dev.vlsuite.shared.video.VideoFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoSamplesTest {
    @Test
    void bundledClipsShowTheirGroundTruthMotion(@TempDir Path dir) throws Exception {
        VideoSamples.extractTo(dir);
        List<Clip> clips = ClipGenerator.generate(VideoSamples.SEED, 8, ClipGenerator.Options.DEFAULT);
        JsonNode truth = Json.MAPPER.readTree(dir.resolve(VideoDatasetWriter.GROUND_TRUTH_JSON).toFile());
        assertEquals(8, truth.get("videos").size());
        for (Clip c : clips) {
            JsonNode v = truth.get("videos").get(c.id());
            assertEquals(c.objects().get(0).motion().label(), v.get("objects").get(0).get("motion").asText());
            List<VideoFrame> frames = new ArrayList<>();
            new FrameReader().read(dir.resolve(VideoDatasetWriter.msrvttFile(c)), Sampling.evenly(6), frames::add);
            assertEquals(112, frames.get(0).image().width());
            for (MovingObject o : c.objects())
                SynthVideosTest.assertVisible(o, frames.get(0).image(), frames.get(5).image(), "sample " + c.videoId());
        }
    }

    @Test
    void bundledClipsAreWhatTheDocumentedCommandMakes(@TempDir Path dir, @TempDir Path fresh) throws Exception {
        VideoSamples.extractTo(dir);
        List<Clip> clips = ClipGenerator.generate(VideoSamples.SEED, 8, ClipGenerator.Options.DEFAULT);
        VideoDatasetWriter.write(fresh, clips, Splits.DEFAULT, ClipEncoder.Codec.MPEG4, VideoDatasetWriter.Layout.MSRVTT, () -> {});
        for (String f : List.of(VideoDatasetWriter.MSRVTT_JSON, VideoDatasetWriter.GROUND_TRUTH_JSON, VideoDatasetWriter.msrvttFile(clips.get(0))))
            assertArrayEquals(Files.readAllBytes(fresh.resolve(f)), Files.readAllBytes(dir.resolve(f)),
                    f + " is stale: regenerate with the command in assets/README.md");
        assertEquals(8, VideoSamples.videos().size());
    }
}
