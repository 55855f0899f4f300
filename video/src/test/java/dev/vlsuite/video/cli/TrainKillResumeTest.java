package dev.vlsuite.video.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.VideoDatasetWriter;
import dev.vlsuite.assets.video.ClipEncoder;
import dev.vlsuite.assets.video.ClipGenerator;
import dev.vlsuite.shared.io.TaskBundle;
import dev.vlsuite.shared.train.Checkpoint;
import dev.vlsuite.shared.train.TrainingLoop;
import dev.vlsuite.shared.train.TrainingState;
import dev.vlsuite.video.model.VideoConfig;
import dev.vlsuite.video.model.VideoNet;
import dev.vlsuite.video.model.VideoNets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code video train} in its own JVM is SIGKILLed as soon as a checkpoint past its first validation appears (written
 * by the --checkpoint-minutes cadence, mid-run, with a best model and Adam moments on disk); {@code --resume} then ends
 * with the parameters of an uninterrupted run (the cosine --lr-schedule included), and resuming again says it has
 * finished. Small: 10 training clips of 48 px, 4 frames, a tiny s2vt.
 */
class TrainKillResumeTest {
    private static final int STEPS = 90;
    private static final int VALIDATE_EVERY = 30;

    @TempDir Path tmp;

    private static List<String> train(Path data, Path cache, Path out) {
        return new ArrayList<>(List.of("train", "--data", data.resolve("videodatainfo.json").toString(), "--cache", cache.toString(),
                "--frames", "4", "--image-size", "64", "--proj", "16", "--embed", "16", "--hidden", "24", "--dropout", "0.2",
                "--batch", "8", "--epochs", "1000", "--steps", Integer.toString(STEPS), "--lr", "3e-3", "--lr-schedule", "cosine",
                "--warmup-steps", "5", "--validate-every", Integer.toString(VALIDATE_EVERY), "--checkpoint-minutes", "0.0005",
                "--threads", "1", "--device", "cpu", "--seed", "5", "--out", out.toString()));
    }

    @Test
    void killedTrainingResumesToTheParametersOfAnUninterruptedRun() throws Exception {
        Path data = tmp.resolve("clips");
        VideoDatasetWriter.write(data, ClipGenerator.generate(8, 16, new ClipGenerator.Options(48, 8, 8, 1)), new Splits(0.625, 0.25, 0.125),
                ClipEncoder.Codec.MPEG4, VideoDatasetWriter.Layout.MSRVTT, () -> {});
        Path cache = tmp.resolve("features"); // filled by the first run; the killed one then starts training at once
        Path straight = tmp.resolve("straight.vlm");
        ToolRun uninterrupted = ToolRun.of(train(data, cache, straight).toArray(String[]::new));
        assertEquals(0, uninterrupted.exit(), uninterrupted.err());

        Path killed = tmp.resolve("killed.vlm");
        Path checkpoint = tmp.resolve("killed.vlm.run").resolve(TrainingLoop.CHECKPOINT);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", VideoTool.class.getName()));
        command.addAll(train(data, cache, killed));
        Path childLog = tmp.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try {
            while (System.nanoTime() < deadline && child.isAlive() && stepIn(checkpoint) <= VALIDATE_EVERY) Thread.sleep(5);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks in the child
            child.waitFor(20, TimeUnit.SECONDS);
        }
        assertTrue(Files.exists(checkpoint), "no checkpoint appeared; child log:\n" + Files.readString(childLog));
        TrainingState atKill = Checkpoint.read(checkpoint, VideoNets.TASK).state();
        assertFalse(atKill.finished(), "the child finished before the kill: " + atKill);
        assertTrue(atKill.step() > VALIDATE_EVERY && atKill.step() < STEPS, "killed at " + atKill);
        assertEquals(VALIDATE_EVERY, atKill.bestStep(), "a best model before the kill: " + atKill);
        assertFalse(Files.exists(killed), "no model before the end");

        List<String> resume = train(data, cache, killed);
        resume.add("--resume");
        ToolRun resumed = ToolRun.of(resume.toArray(String[]::new));
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("resuming at step " + atKill.step()), resumed.err());
        assertTrue(resumed.out().startsWith("trained " + STEPS + " steps"), resumed.out());
        assertArrayEquals(parameters(straight), parameters(killed), 1e-5f);

        ToolRun again = ToolRun.of(resume.toArray(String[]::new));
        assertEquals(0, again.exit(), again.err());
        assertEquals(1, again.out().lines().count(), again.out());
        assertTrue(again.out().contains("has already finished (" + STEPS + " steps"), again.out());
        assertArrayEquals(parameters(straight), parameters(killed), 1e-5f);

        // without --resume the run folder is not overwritten
        ToolRun refused = ToolRun.of(train(data, cache, killed).toArray(String[]::new));
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().contains("--resume"), refused.err());
    }

    /** The step of the checkpoint on disk (written atomically: never half a file), 0 before the first. */
    private static long stepIn(Path checkpoint) throws Exception {
        return Files.exists(checkpoint) ? Checkpoint.read(checkpoint, VideoNets.TASK).state().step() : 0;
    }

    /** Every parameter value of a bundle's network, in order. */
    private static float[] parameters(Path bundle) throws Exception {
        try (TaskBundle<VideoConfig, VideoNet> b = TaskBundle.load(bundle, VideoNets.TASK, VideoConfig.class,
                (config, vocabularies, m) -> VideoNets.createInitialized(config, m), Device.cpu())) {
            List<float[]> arrays = new ArrayList<>();
            b.block().getParameters().forEach(p -> arrays.add(p.getValue().getArray().toFloatArray()));
            float[] all = new float[arrays.stream().mapToInt(a -> a.length).sum()];
            int at = 0;
            for (float[] a : arrays) {
                System.arraycopy(a, 0, all, at, a.length);
                at += a.length;
            }
            assertTrue(all.length > 1000, "a real model: " + all.length + " parameters");
            return all;
        }
    }
}
