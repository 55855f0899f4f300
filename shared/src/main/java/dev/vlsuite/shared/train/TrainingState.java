package dev.vlsuite.shared.train;

/**
 * Where a run stands; saved in every checkpoint so that a resumed run continues exactly.
 *
 * @param step updates taken so far
 * @param epoch the epoch in progress (0-based)
 * @param batchInEpoch batches of that epoch already consumed (the batch order is a pure function of (seed, epoch))
 * @param bestMetric the best watched metric so far, NaN before the first validation
 * @param bestStep the step of the best metric, -1 when none
 * @param validationsWithoutImprovement counted against the patience
 * @param lastValidationStep the step of the last validation, -1 when none
 * @param stoppedEarly patience ran out
 * @param finished the run completed; resuming it only restores the result
 */
public record TrainingState(long step, int epoch, long batchInEpoch, double bestMetric, long bestStep,
                            int validationsWithoutImprovement, long lastValidationStep, boolean stoppedEarly,
                            boolean finished) {
    public static TrainingState fresh() {
        return new TrainingState(0, 0, 0, Double.NaN, -1, 0, -1, false, false);
    }

    TrainingState at(long newStep, int newEpoch, long newBatchInEpoch) {
        return new TrainingState(newStep, newEpoch, newBatchInEpoch, bestMetric, bestStep, validationsWithoutImprovement,
                lastValidationStep, stoppedEarly, finished);
    }

    TrainingState validated(double best, long newBestStep, int misses, boolean stop) {
        return new TrainingState(step, epoch, batchInEpoch, best, newBestStep, misses, step, stop, finished);
    }

    TrainingState done() {
        return new TrainingState(step, epoch, batchInEpoch, bestMetric, bestStep, validationsWithoutImprovement,
                lastValidationStep, stoppedEarly, true);
    }
}
