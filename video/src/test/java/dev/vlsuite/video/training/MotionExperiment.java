package dev.vlsuite.video.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.shared.nn.decode.TextDecoding;
import dev.vlsuite.shared.train.LrSchedule;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.video.api.FrameFeatures;
import dev.vlsuite.video.api.VideoDecoding;
import dev.vlsuite.video.api.VideoFeatures;
import dev.vlsuite.video.model.Arch;
import dev.vlsuite.video.model.VideoConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Not a test (no assertions): tunes the learning test's settings; run with -Dtest=MotionExperiment. */
class MotionExperiment {
    @Test
    void sweep() throws Exception {
        int frames = Integer.getInteger("frames", 8);
        Path dir = Files.createTempDirectory("vm");
        long t0 = System.nanoTime();
        List<SyntheticClips.Labelled> train, held;
        try (FrameFeatures f = SyntheticClips.openBackbone()) {
            train = SyntheticClips.moving(11, Integer.getInteger("n", 64), frames, dir, f);
            held = SyntheticClips.moving(12, 40, frames, dir, f);
        }
        System.out.printf("features %.1f s%n", (System.nanoTime() - t0) / 1e9);
        for (String s : System.getProperty("settings", "40:3e-3:96").split(",")) {
            String[] p = s.split(":");
            for (boolean mid : new boolean[] {false, true}) {
                long t1 = System.nanoTime();
                UnaryOperator<VideoFeatures> view = mid ? v -> v.middleFrameOnly(frames) : v -> v;
                Engine.getInstance().setRandomSeed(7);
                VideoConfig model = VideoConfig.paper(Arch.parse(System.getProperty("arch", "s2vt"))).withSizes(64, 32, Integer.parseInt(p[2]), 0.2)
                        .withData(5, 1, frames, "vgg-small", 64, 4);
                List<VideoTraining.Video> seen = train.stream().map(c -> new VideoTraining.Video(c.video().id(), view.apply(c.video().features()), c.video().captions())).toList();
                VideoTraining t = VideoTraining.prepare(seen, List.of(), model, 1, 16);
                TrainConfig tc = TrainConfig.defaults().withEpochs(Integer.parseInt(p[0])).withLr(Double.parseDouble(p[1]), LrSchedule.constant())
                        .withCheckpointEvery(0).withSeed(3);
                try (NDManager m = NDManager.newBaseManager()) {
                    var r = t.train(tc, dir.resolve("run" + System.nanoTime()), false, m);
                    System.out.printf("%s mid=%s loss %.3f train %.2f held %.2f (%.1f s)%n", s, mid, r.lastLoss(),
                            acc(t, train, view, m, frames), acc(t, held, view, m, frames), (System.nanoTime() - t1) / 1e9);
                }
            }
        }
    }

    static double acc(VideoTraining t, List<SyntheticClips.Labelled> clips, UnaryOperator<VideoFeatures> view, NDManager m, int frames) {
        List<VideoFeatures> feats = clips.stream().map(c -> view.apply(c.video().features()).toFrames(frames)).toList();
        List<TextDecoding.Text> texts = VideoDecoding.decode(t.net(), t.vocabulary(), feats, 1, t.config().maxLength(), m);
        int right = 0;
        for (int i = 0; i < clips.size(); i++) if (SyntheticClips.direction(texts.get(i).words()).equals(clips.get(i).motion().label())) right++;
        return (double) right / clips.size();
    }
}
