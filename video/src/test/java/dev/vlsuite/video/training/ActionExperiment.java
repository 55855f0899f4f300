package dev.vlsuite.video.training;

import dev.vlsuite.video.api.FrameFeatures;
import dev.vlsuite.video.model.ActionArch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Not a test (no assertions): tunes ActionLearningTest's settings; run with -Dtest=ActionExperiment -Dsettings=E:LR:H,... */
class ActionExperiment {
    @Test
    void sweep() throws Exception {
        Path dir = Files.createTempDirectory("va");
        long t0 = System.nanoTime();
        List<ActionTraining.Clip> train, held;
        try (FrameFeatures f = SyntheticClips.openBackbone()) {
            train = ActionLearningTest.clips(SyntheticClips.moving(11, Integer.getInteger("n", 64), ActionLearningTest.FRAMES, dir, f));
            held = ActionLearningTest.clips(SyntheticClips.moving(12, 40, ActionLearningTest.FRAMES, dir, f));
        }
        System.out.printf("features %.1f s%n", (System.nanoTime() - t0) / 1e9);
        for (String s : System.getProperty("settings", "40:3e-3:64").split(",")) {
            String[] p = s.split(":");
            for (ActionArch arch : ActionArch.values()) {
                long t1 = System.nanoTime();
                double acc = ActionLearningTest.heldOutAccuracy(arch, train, held, dir.resolve("run" + System.nanoTime()),
                        Integer.parseInt(p[0]), Double.parseDouble(p[1]), Integer.parseInt(p[2]));
                System.out.printf("%s %s held %.2f (%.1f s)%n", s, arch, acc, (System.nanoTime() - t1) / 1e9);
            }
        }
    }
}
