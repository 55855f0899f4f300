package dev.vlsuite.shared.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the loop writes checkpoints (validations, the time cadence), and what resuming a finished run does. */
class CheckpointCadenceTest {
    @TempDir
    Path dir;

    /** No step cadence, no time cadence: only validations (and the end) write checkpoints. */
    private static TrainConfig quiet() {
        return TrainConfig.defaults().withEpochs(100).withLr(0.02, LrSchedule.constant()).withCheckpointEvery(0)
                .withCheckpointMinutes(0).withLogEvery(4);
    }

    /** Runs {@code config} and returns, for each step about to be taken (1-based), the step on disk then. */
    private List<Long> checkpointStepBeforeEachStep(TrainConfig config, Path runDir, long sleepMillis) throws IOException {
        List<Long> seen = new ArrayList<>();
        Path checkpoint = runDir.resolve(TrainingLoop.CHECKPOINT);
        try (NDManager m = NDManager.newBaseManager()) {
            RegressionTask task = new RegressionTask(m, sleepMillis);
            task.onLoss = call -> seen.add(stepIn(checkpoint));
            new TrainingLoop(config, runDir).fit(task, m, false);
        }
        return seen;
    }

    private static long stepIn(Path checkpoint) {
        try {
            return Files.exists(checkpoint) ? Checkpoint.read(checkpoint, "regression").state().step() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyValidationWritesACheckpoint() throws Exception {
        List<Long> seen = checkpointStepBeforeEachStep(
                quiet().withMaxSteps(14).withValidation(5, "mse", TrainConfig.Goal.MIN, 0), dir.resolve("v"), 0);
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 5L, 5L, 5L, 5L, 5L, 10L, 10L, 10L, 10L), seen);
    }

    @Test
    void epochEndValidationWritesACheckpoint() throws Exception {
        // validateEvery 0: validation at each epoch's end (8 batches per epoch)
        List<Long> seen = checkpointStepBeforeEachStep(quiet().withMaxSteps(12), dir.resolve("e"), 0);
        assertEquals(0L, seen.get(7));
        assertEquals(8L, seen.get(8));
        assertEquals(8L, seen.get(11));
    }

    @Test
    void withoutCadenceNothingIsSavedBeforeTheEnd() throws Exception {
        List<Long> seen = checkpointStepBeforeEachStep(quiet().withMaxSteps(7), dir.resolve("none"), 0);
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L), seen);
        assertEquals(7, stepIn(dir.resolve("none").resolve(TrainingLoop.CHECKPOINT)));
    }

    @Test
    void timeCadenceSavesBetweenValidations() throws Exception {
        // 0.001 min = 60 ms; every step sleeps 25 ms, so a checkpoint is due after at most 3 steps, whatever the load
        List<Long> seen = checkpointStepBeforeEachStep(quiet().withMaxSteps(7).withCheckpointMinutes(0.001),
                dir.resolve("t"), 25);
        for (int k = 1; k <= seen.size(); k++) {
            long done = k - 1;
            assertTrue(done - seen.get(k - 1) <= 3, "before step " + k + " the checkpoint is at " + seen);
        }
        assertTrue(seen.get(6) > 0, "saved before the end of the run: " + seen);
    }

    @Test
    void resumingAFinishedRunTrainsNothingAndRestoresItsResult() throws Exception {
        TrainConfig config = quiet().withMaxSteps(12).withValidation(4, "mse", TrainConfig.Goal.MIN, 0);
        Path runDir = dir.resolve("done");
        TrainResult first;
        float[] trained;
        try (NDManager m = NDManager.newBaseManager()) {
            RegressionTask task = new RegressionTask(m, 0);
            first = new TrainingLoop(config, runDir).fit(task, m, false);
            trained = TrainingLoopTestSupport.flat(task.block());
        }
        assertFalse(first.alreadyComplete());
        byte[] model = Files.readAllBytes(first.modelFile());
        TrainingLoop loop = new TrainingLoop(config, runDir);
        assertTrue(loop.isComplete(loop.savedState("regression").orElseThrow()));
        try (NDManager m = NDManager.newBaseManager()) {
            RegressionTask task = new RegressionTask(m, 0);
            TrainResult again = loop.fit(task, m, true);
            assertTrue(again.alreadyComplete());
            assertEquals(0, task.lossCalls, "nothing trained");
            assertEquals(12, again.steps());
            assertEquals(12, again.startStep());
            assertEquals(first.bestMetric(), again.bestMetric());
            assertEquals(first.bestStep(), again.bestStep());
            assertEquals(first.lastMetrics(), again.lastMetrics());
            assertArrayEquals(trained, TrainingLoopTestSupport.flat(task.block()), 0f);
        }
        assertArrayEquals(model, Files.readAllBytes(first.modelFile()), "the finished model is left as it was");
        // given more steps, the finished run continues
        TrainingLoop longer = new TrainingLoop(config.withMaxSteps(16), runDir);
        assertFalse(longer.isComplete(longer.savedState("regression").orElseThrow()));
        try (NDManager m = NDManager.newBaseManager()) {
            RegressionTask task = new RegressionTask(m, 0);
            TrainResult more = longer.fit(task, m, true);
            assertFalse(more.alreadyComplete());
            assertEquals(4, task.lossCalls);
            assertEquals(16, more.steps());
        }
    }

    @Test
    void aKilledRunIsNotComplete() throws Exception {
        TrainConfig config = quiet().withMaxSteps(12).withValidation(4, "mse", TrainConfig.Goal.MIN, 0);
        Path runDir = dir.resolve("killed");
        try (NDManager m = NDManager.newBaseManager()) {
            RegressionTask task = new RegressionTask(m, 0);
            task.onLoss = call -> { if (call == 10) throw new IllegalStateException("simulated kill"); };
            try {
                new TrainingLoop(config, runDir).fit(task, m, false);
            } catch (IllegalStateException expected) {
                // the checkpoint of the validation at step 8 is on disk
            }
        }
        TrainingLoop loop = new TrainingLoop(config, runDir);
        TrainingState saved = loop.savedState("regression").orElseThrow();
        assertEquals(8, saved.step());
        assertFalse(loop.isComplete(saved));
        assertTrue(new TrainingLoop(config, dir.resolve("empty")).savedState("regression").isEmpty());
    }
}
