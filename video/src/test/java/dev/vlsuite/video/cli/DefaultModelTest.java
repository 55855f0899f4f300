package dev.vlsuite.video.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.VideoSamples;
import dev.vlsuite.assets.dataset.VideoDatasetWriter;
import dev.vlsuite.assets.video.Clip;
import dev.vlsuite.assets.video.ClipGenerator;
import dev.vlsuite.assets.video.MovingObject;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.video.api.DefaultVideoModel;
import dev.vlsuite.video.api.VideoCaption;
import dev.vlsuite.video.api.VideoCaptioner;
import dev.vlsuite.video.training.MotionWords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's video command: {@code bin/video caption} without --model captions the bundled sample clips with the
 * built-in s2vt model and says so. Its captions are about their own clips: every moving shape's direction is named
 * right, the motion words (direction, size change, colour change with the new colour; {@code MotionWords}) are exactly
 * right for at least 6 of the 8 clips, and the same captions given to other clips (every rotation of the list) are
 * right far less often. The allowed misses follow the README's held-out figures for the built-in rgb+diff model
 * (2026-12-01, 300 clips): direction about 99%, size change about 78%, colour change about 48%, so 80% of clips right;
 * the samples hold one colour change and six size changes, so two misses in eight are allowed (measured: 2; the
 * earlier rgb-only model missed 3).
 */
class DefaultModelTest {
    /** Clips of the 8 whose caption may name other motions than the clip's (see the class comment). */
    static final int ALLOWED_MISSES = 2;

    @TempDir Path tmp;

    @Test
    void builtInModelNamesTheMotionOfTheSampleClips() throws Exception {
        assertTrue(DefaultVideoModel.available(), "the build carries " + DefaultVideoModel.RESOURCE);
        String old = System.getProperty("vlsuite.cache");
        System.setProperty("vlsuite.cache", tmp.toString());
        try {
            Path samples = VideoSamples.folder();
            ToolRun r = ToolRun.of("caption", samples.resolve(VideoDatasetWriter.MSRVTT_FOLDER).toString(), "--format", "json",
                    "--threads", "1", "--device", "cpu");
            assertEquals(0, r.exit(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.errLines().get(0).startsWith("video: no --model given: using the built-in default model (s2vt"), r.err());
            Map<String, List<String>> words = new LinkedHashMap<>();
            for (JsonNode rec : Json.MAPPER.readTree(r.out())) {
                List<String> w = new ArrayList<>();
                rec.get("tokens").forEach(t -> w.add(t.asText()));
                words.put(Path.of(rec.get("file").asText()).getFileName().toString(), w);
            }
            List<Clip> clips = ClipGenerator.generate(VideoSamples.SEED, 8, ClipGenerator.Options.DEFAULT);
            assertEquals(clips.size(), words.size(), r.out());
            List<String> misses = new ArrayList<>();
            int directions = 0;
            for (Clip clip : clips) {
                List<String> caption = words.get(clip.videoId() + ".mp4");
                for (MovingObject o : clip.objects()) {
                    if (!o.motion().moves()) continue;
                    directions++;
                    assertTrue(MotionWords.namesMotionOf(caption, o), clip.videoId() + ": \"" + String.join(" ", caption)
                            + "\" should say the " + o.kind().word() + " moves " + o.motion().label());
                }
                if (!MotionWords.right(caption, clip)) {
                    misses.add(clip.videoId() + ": \"" + String.join(" ", caption) + "\" (truth: "
                            + clip.objects().stream().map(o -> o.colour().word() + " " + o.kind().word() + " " + o.motion().label()).toList() + ")");
                }
            }
            System.err.println("built-in video model on the 8 samples: motion words wrong in " + misses);
            assertTrue(misses.size() <= ALLOWED_MISSES, "captions with wrong motion words: " + misses);
            assertEquals(3, directions, "the samples hold three moving shapes");
            int own = clips.size() - misses.size(), shuffled = 0;
            for (int shift = 1; shift < clips.size(); shift++) {
                int right = 0;
                for (int i = 0; i < clips.size(); i++) {
                    if (MotionWords.right(words.get(clips.get((i + shift) % clips.size()).videoId() + ".mp4"), clips.get(i))) right++;
                }
                shuffled = Math.max(shuffled, right);
            }
            System.err.printf("built-in video model on the samples: motion words right for %d of 8 clips; given to other clips at most %d%n",
                    own, shuffled);
            assertTrue(shuffled * 2 <= own, "captions given to other clips are right " + shuffled + " times, to their own " + own);
        } finally {
            if (old == null) System.clearProperty("vlsuite.cache");
            else System.setProperty("vlsuite.cache", old);
        }
    }

    @Test
    void javaApiLoadsTheBuiltInModelWithNull() throws Exception {
        String old = System.getProperty("vlsuite.cache");
        System.setProperty("vlsuite.cache", tmp.toString());
        try (VideoCaptioner captioner = VideoCaptioner.load(null, ai.djl.Device.cpu())) {
            assertEquals(dev.vlsuite.video.model.Arch.S2VT, captioner.config().arch());
            VideoCaption c = captioner.caption(VideoSamples.videos().get(0));   // video0: a large yellow diamond moves to the right
            assertTrue(c.tokens().contains("right"), c.text());
            assertEquals(captioner.config().frames(), c.frames());
        } finally {
            if (old == null) System.clearProperty("vlsuite.cache");
            else System.setProperty("vlsuite.cache", old);
        }
    }
}
