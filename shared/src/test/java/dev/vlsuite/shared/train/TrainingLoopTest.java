package dev.vlsuite.shared.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.BundleContents;
import dev.vlsuite.shared.io.ModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {
    @TempDir
    Path dir;

    private static TrainConfig base() {
        return TrainConfig.defaults().withEpochs(100).withLr(0.02, LrSchedule.constant()).withCheckpointEvery(5)
                .withLogEvery(4);
    }

    private static double validMse(RegressionTask task, NDManager manager) {
        return task.validate(new ParameterStore(manager, false)).get("mse");
    }

    @Test
    void lossFallsAndTheLogParses() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            RegressionTask task = new RegressionTask(m, 0);
            TrainingLoop loop = new TrainingLoop(base().withLr(0.1, LrSchedule.constant()).withMaxSteps(120).withValidation(40, "mse", TrainConfig.Goal.MIN, 0), dir);
            task.block().initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, task.inputShapes()); // to measure before
            double before = validMse(task, m);
            TrainResult r = loop.fit(task, m, false);
            double after = validMse(task, m);
            assertEquals(120, r.steps());
            assertTrue(after < before * 0.05, "validation mse " + before + " -> " + after);
            assertEquals(after, r.bestMetric(), 1e-6, "block holds the best parameters (mse falls monotonically here)");
            List<JsonNode> lines = loop.log().read();
            List<JsonNode> train = lines.stream().filter(l -> l.get("type").asText().equals("train")).toList();
            List<JsonNode> valid = lines.stream().filter(l -> l.get("type").asText().equals("validation")).toList();
            assertEquals(30, train.size());
            assertEquals(3, valid.size());
            for (JsonNode l : train) {
                assertTrue(l.get("loss").isNumber() && l.get("lr").asDouble() == 0.1 && l.has("time") && l.has("epoch"));
            }
            assertTrue(train.get(29).get("loss").asDouble() < train.get(0).get("loss").asDouble() * 0.1);
            assertEquals(120, valid.get(2).get("step").asLong());
            assertTrue(valid.get(2).get("metrics").get("mse").isNumber());
            BundleContents model = ModelBundle.read(r.modelFile(), "regression");
            assertEquals(120, model.metadata().get("step").asLong());
            assertArrayEquals(BundleContents.parameterBytes(task.block()), model.parameters());
        }
    }

    @Test
    void liveArraysDoNotGrowOver50Steps() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            RegressionTask task = new RegressionTask(m, 0);
            long[] counts = new long[2];
            task.onLoss = call -> {
                if (call == 10) counts[0] = m.getManagedArrays().size();
                if (call == 60) counts[1] = m.getManagedArrays().size();
            };
            new TrainingLoop(base().withMaxSteps(60).withCheckpointEvery(0), dir).fit(task, m, false);
            assertTrue(counts[0] > 0);
            assertEquals(counts[0], counts[1], "arrays alive at step 10 vs step 60");
        }
    }

    @Test
    void resumedRunEqualsUninterruptedRun() throws Exception {
        float[] straight;
        try (NDManager m = NDManager.newBaseManager()) {
            RegressionTask task = new RegressionTask(m, 0);
            new TrainingLoop(base().withMaxSteps(20), dir.resolve("a")).fit(task, m, false);
            straight = TrainingLoopTestSupport.flat(task.block());
        }
        try (NDManager m = NDManager.newBaseManager()) { // stops mid-epoch at step 10 (8 batches per epoch)
            new TrainingLoop(base().withMaxSteps(10), dir.resolve("b")).fit(new RegressionTask(m, 0), m, false);
        }
        try (NDManager m = NDManager.newBaseManager()) { // a new model, resumed from the checkpoint
            RegressionTask task = new RegressionTask(m, 0);
            TrainResult r = new TrainingLoop(base().withMaxSteps(20), dir.resolve("b")).fit(task, m, true);
            assertEquals(20, r.steps());
            assertEquals(10, task.lossCalls, "only the remaining 10 steps ran");
            float[] resumed = TrainingLoopTestSupport.flat(task.block());
            assertArrayEquals(straight, resumed, 1e-6f);
        }
    }

    @Test
    void crashedRunResumesFromItsLastCheckpoint() throws Exception {
        float[] straight;
        try (NDManager m = NDManager.newBaseManager()) {
            RegressionTask task = new RegressionTask(m, 0);
            new TrainingLoop(base().withMaxSteps(30).withLr(0.02, LrSchedule.stepDecay(9, 0.5)), dir.resolve("a"))
                    .fit(task, m, false);
            straight = TrainingLoopTestSupport.flat(task.block());
        }
        TrainConfig config = base().withMaxSteps(30).withLr(0.02, LrSchedule.stepDecay(9, 0.5));
        try (NDManager m = NDManager.newBaseManager()) {
            RegressionTask task = new RegressionTask(m, 0);
            task.onLoss = call -> { if (call == 13) throw new IllegalStateException("simulated crash"); };
            try {
                new TrainingLoop(config, dir.resolve("b")).fit(task, m, false);
            } catch (IllegalStateException expected) {
                // the checkpoint of step 10 is on disk
            }
        }
        assertEquals(10, Checkpoint.read(dir.resolve("b").resolve(TrainingLoop.CHECKPOINT), "regression").state().step());
        try (NDManager m = NDManager.newBaseManager()) {
            RegressionTask task = new RegressionTask(m, 0);
            TrainingLoop loop = new TrainingLoop(config, dir.resolve("b"));
            TrainResult r = loop.fit(task, m, true);
            assertEquals(30, r.steps());
            assertArrayEquals(straight, TrainingLoopTestSupport.flat(task.block()), 1e-6f);
            List<Long> steps = loop.log().read().stream().map(l -> l.get("step").asLong()).toList();
            // train lines every 4 steps, validations at each epoch end (8 batches) and at the end; none twice
            assertEquals(List.of(4L, 8L, 8L, 12L, 16L, 16L, 20L, 24L, 24L, 28L, 30L), steps);
        }
    }

    @Test
    void earlyStoppingTriggersAndKeepsTheBestParameters() throws Exception {
        double[] script = {0.5, 0.8, 0.7, 0.6, 0.9, 0.9}; // validation scores, one per 5 steps
        try (NDManager m = NDManager.newBaseManager()) {
            List<byte[]> snapshots = new ArrayList<>();
            RegressionTask task = new RegressionTask(m, 0) {
                int calls;

                @Override
                public Map<String, Double> validate(ParameterStore ps) {
                    snapshots.add(BundleContents.parameterBytes(block()));
                    return Map.of("score", script[calls++]);
                }
            };
            // misses after the best (0.8 at validation 2): 0.7, 0.6 -> patience 2 stops at validation 4, step 20
            TrainConfig config = base().withMaxSteps(200).withValidation(5, "score", TrainConfig.Goal.MAX, 2);
            TrainResult r = new TrainingLoop(config, dir).fit(task, m, false);
            assertTrue(r.stoppedEarly());
            assertEquals(20, r.steps());
            assertEquals(0.8, r.bestMetric());
            assertEquals(10, r.bestStep());
            assertEquals(4, snapshots.size());
            assertArrayEquals(snapshots.get(1), BundleContents.parameterBytes(task.block()), "block holds the best");
            assertArrayEquals(snapshots.get(1), ModelBundle.read(dir.resolve(TrainingLoop.BEST), "regression").parameters());
            assertArrayEquals(snapshots.get(1), ModelBundle.read(r.modelFile(), "regression").parameters());
            assertFalse(java.util.Arrays.equals(snapshots.get(1), snapshots.get(3)), "training moved on after the best");
            assertTrue(Files.exists(r.checkpointFile()));
        }
    }

    @Test
    void trainsOnAThreadOtherThanTheEngines() throws Exception {
        float[] onMain;
        try (NDManager m = NDManager.newBaseManager()) {
            RegressionTask task = new RegressionTask(m, 0);
            new TrainingLoop(base().withMaxSteps(12), dir.resolve("main")).fit(task, m, false);
            onMain = TrainingLoopTestSupport.flat(task.block());
        }
        float[][] onWorker = new float[1][];
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try (NDManager m = NDManager.newBaseManager()) {
                RegressionTask task = new RegressionTask(m, 0);
                new TrainingLoop(base().withMaxSteps(12), dir.resolve("worker")).fit(task, m, false);
                onWorker[0] = TrainingLoopTestSupport.flat(task.block());
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        worker.start();
        worker.join();
        if (failure[0] != null) throw new AssertionError("training on a worker thread failed", failure[0]);
        assertArrayEquals(onMain, onWorker[0], 1e-6f);
    }

    @Test
    void batchOrderIsAPureFunctionOfSeedAndEpoch() {
        try (NDManager m = NDManager.newBaseManager()) {
            RegressionTask task = new RegressionTask(m, 0);
            Iterator<RegressionTask.Batch> a = task.batches(3, TrainingLoop.epochRandom(42, 3));
            Iterator<RegressionTask.Batch> b = task.batches(3, TrainingLoop.epochRandom(42, 3));
            Iterator<RegressionTask.Batch> c = task.batches(4, TrainingLoop.epochRandom(42, 4));
            assertArrayEquals(a.next().x(), b.next().x());
            assertFalse(java.util.Arrays.equals(task.batches(3, TrainingLoop.epochRandom(42, 3)).next().x(), c.next().x()));
        }
    }
}
