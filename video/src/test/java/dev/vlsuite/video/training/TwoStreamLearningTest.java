package dev.vlsuite.video.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.shared.nn.decode.TextDecoding;
import dev.vlsuite.shared.train.LrSchedule;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import dev.vlsuite.video.api.FrameFeatures;
import dev.vlsuite.video.api.StreamFeatures;
import dev.vlsuite.video.api.VideoCaptionOptions;
import dev.vlsuite.video.api.VideoCaptioner;
import dev.vlsuite.video.api.VideoOutcome;
import dev.vlsuite.video.api.VideoDecoding;
import dev.vlsuite.video.api.VideoFeatures;
import dev.vlsuite.video.model.Arch;
import dev.vlsuite.video.model.Streams;
import dev.vlsuite.video.model.VideoConfig;
import dev.vlsuite.video.model.VideoNet;
import dev.vlsuite.video.model.VideoNets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The motion stream (rgb+diff): S2VT on the frames and S2VT on the frame differences, trained in one run and fused
 * at the word scores. On clips of one shape moving left/right/up/down its loss falls far below chance, the fused
 * model names the direction of held-out clips (greedy and beam), the motion stream alone names it too (frame
 * differences carry the direction), and the saved bundle captions the clip files through VideoCaptioner, which
 * reads both streams from the file, exactly as the in-memory model does.
 */
class TwoStreamLearningTest {
    private static final int FRAMES = 8;

    @Test
    void fusedRgbAndDifferenceStreamsLearnTheDirection(@TempDir Path dir) throws Exception {
        List<SyntheticClips.Labelled> train, heldOut;
        try (FrameFeatures frames = SyntheticClips.openBackbone()) {
            StreamFeatures input = new StreamFeatures(frames, Streams.RGB_DIFF, null);
            train = SyntheticClips.moving(11, 48, FRAMES, dir, input);
            heldOut = SyntheticClips.moving(12, 24, FRAMES, dir, input);
        }
        assertEquals(2 * 2048, train.get(0).video().features().featureSize(), "[frames | differences] per frame");

        Engine.getInstance().setRandomSeed(7);
        VideoConfig model = VideoConfig.paper(Arch.S2VT).withSizes(64, 32, 64, 0.2).withStreams(Streams.RGB_DIFF, 0.5)
                .withData(5, 2, FRAMES, "vgg-small", 64, FrameFeatures.DEFAULT_SPATIAL_SIDE);
        VideoTraining t = VideoTraining.prepare(train.stream().map(SyntheticClips.Labelled::video).toList(), List.of(), model, 1, 16);
        TrainConfig tc = TrainConfig.defaults().withEpochs(60).withLr(3e-3, LrSchedule.constant()).withCheckpointEvery(0).withSeed(3);
        Path run = dir.resolve("run");
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainResult r = t.train(tc, run, false, manager);
            double chance = Math.log(t.vocabulary().size());
            VideoNet fused = t.net();
            VideoNet motionOnly = VideoNets.stream(fused, 1);
            double greedy = accuracy(fused, t, heldOut, v -> v, 1, manager);
            double beam = accuracy(fused, t, heldOut, v -> v, 3, manager);
            double diffAlone = accuracy(motionOnly, t, heldOut, v -> v.stream(1, 2), 1, manager);
            double rgbAlone = accuracy(VideoNets.stream(fused, 0), t, heldOut, v -> v.stream(0, 2), 1, manager);
            System.out.printf("rgb+diff: loss %.3f (chance %.3f); direction right on held-out clips: fused %.2f (beam 3: %.2f),"
                    + " motion stream alone %.2f, rgb stream alone %.2f%n", r.lastLoss(), chance, greedy, beam, diffAlone, rgbAlone);
            assertTrue(r.lastLoss() < 0.25 * chance, "training loss " + r.lastLoss() + " should fall far below chance " + chance);
            assertTrue(greedy >= 0.75, "the fused model should name the direction of most held-out clips: " + greedy);
            assertTrue(beam >= 0.75, "beam search over the fused scores too: " + beam);
            assertTrue(diffAlone >= 0.6, "frame differences alone carry the direction (chance 0.25): " + diffAlone);

            // the bundle keeps streams and weight; VideoCaptioner reads both streams from the file itself
            List<VideoFeatures> feats = heldOut.subList(0, 6).stream().map(c -> c.video().features()).toList();
            List<TextDecoding.Text> inMemory = VideoDecoding.decode(fused, t.vocabulary(), feats, 1, t.config().maxLength(), manager);
            try (VideoCaptioner c = VideoCaptioner.load(run.resolve("model.vlm"))) {
                assertEquals(Streams.RGB_DIFF, c.config().streams());
                assertEquals(0.5, c.config().diffWeight());
                List<Path> files = heldOut.subList(0, feats.size()).stream()
                        .map(h -> dir.resolve("s12-" + h.video().id().substring(0, h.video().id().indexOf('@')) + ".mp4")).toList();
                List<VideoOutcome> read = c.caption(files, new VideoCaptionOptions(1, t.config().maxLength(), 4, null));
                for (int i = 0; i < files.size(); i++) assertEquals(inMemory.get(i).text(), read.get(i).caption().text(), "caption of " + files.get(i));
            }
        }
    }

    private static double accuracy(VideoNet net, VideoTraining t, List<SyntheticClips.Labelled> clips,
                                   java.util.function.UnaryOperator<VideoFeatures> view, int beam, NDManager manager) {
        List<VideoFeatures> feats = clips.stream().map(c -> view.apply(c.video().features())).toList();
        List<TextDecoding.Text> texts = VideoDecoding.decode(net, t.vocabulary(), feats, beam, t.config().maxLength(), manager);
        int right = 0;
        for (int i = 0; i < clips.size(); i++) {
            if (SyntheticClips.direction(texts.get(i).words()).equals(clips.get(i).motion().label())) right++;
        }
        return (double) right / clips.size();
    }
}
