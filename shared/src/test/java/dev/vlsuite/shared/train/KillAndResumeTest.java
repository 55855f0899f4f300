package dev.vlsuite.shared.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILLs a training process after its first checkpoints, then resumes and must match an uninterrupted run. */
class KillAndResumeTest {
    @TempDir
    Path dir;

    @Test
    void killedProcessResumesFromTheIntactCheckpoint() throws Exception {
        Path runDir = dir.resolve("run");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", KillableTrainingMain.class.getName(),
                runDir.toString(), "40"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        Path checkpoint = runDir.resolve(TrainingLoop.CHECKPOINT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            // wait for the second checkpoint (step 14), so that the kill lands between or during later writes
            while (System.nanoTime() < deadline && process.isAlive() && stepIn(checkpoint) < 14) Thread.sleep(20);
            Thread.sleep(150);
        } finally {
            process.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks in the child
            process.waitFor(10, TimeUnit.SECONDS);
        }
        long killedAt = stepIn(checkpoint);
        assertTrue(killedAt >= 14 && killedAt < KillableTrainingMain.STEPS,
                "checkpoint step " + killedAt + "; child log: " + Files.readString(dir.resolve("child.log")));

        float[] resumed;
        try (NDManager m = NDManager.newBaseManager()) {
            RegressionTask task = new RegressionTask(m, 0);
            TrainingLoop loop = new TrainingLoop(KillableTrainingMain.config(), runDir);
            TrainResult r = loop.fit(task, m, true);
            assertEquals(KillableTrainingMain.STEPS, r.steps());
            assertEquals(KillableTrainingMain.STEPS - killedAt, task.lossCalls, "continued from the checkpoint");
            resumed = TrainingLoopTestSupport.flat(task.block());
            List<Long> steps = loop.log().read().stream().map(l -> l.get("step").asLong()).toList();
            for (int i = 1; i < steps.size(); i++) assertTrue(steps.get(i) >= steps.get(i - 1), "log in step order " + steps);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            RegressionTask task = new RegressionTask(m, 0);
            new TrainingLoop(KillableTrainingMain.config(), dir.resolve("straight")).fit(task, m, false);
            assertArrayEquals(TrainingLoopTestSupport.flat(task.block()), resumed, 1e-5f);
        }
    }

    /** The step of the checkpoint on disk, 0 when there is none yet; never a half-written file. */
    private static long stepIn(Path checkpoint) throws Exception {
        if (!Files.exists(checkpoint)) return 0;
        return Checkpoint.read(checkpoint, "regression").state().step();
    }
}
