package dev.vlsuite.shared.train;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;

/** Run by {@link KillAndResumeTest} in its own JVM: a slow tiny training run that resumes when asked. */
public final class KillableTrainingMain {
    static final long STEPS = 120;

    static TrainConfig config() {
        return TrainConfig.defaults().withEpochs(100).withMaxSteps(STEPS).withLr(0.02, LrSchedule.stepDecay(40, 0.5))
                .withCheckpointEvery(7).withLogEvery(5).withValidation(30, "mse", TrainConfig.Goal.MIN, 0);
    }

    public static void main(String[] args) throws Exception {
        Path runDir = Path.of(args[0]);
        long sleepMillis = Long.parseLong(args[1]);
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainResult r = new TrainingLoop(config(), runDir).fit(new RegressionTask(manager, sleepMillis), manager, true);
            System.out.println("done " + r.steps());
        }
    }
}
