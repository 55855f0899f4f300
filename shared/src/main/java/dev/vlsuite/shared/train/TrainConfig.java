package dev.vlsuite.shared.train;

/**
 * How to train; immutable, saved in every checkpoint. Start from {@link #defaults()} and change what differs.
 *
 * @param epochs passes over the training data (an upper bound when maxSteps is set)
 * @param maxSteps stop after this many updates; 0 = no limit (then epochs decide)
 * @param lr base learning rate (Show-Attend-Tell's 4e-4 by default)
 * @param schedule learning-rate schedule
 * @param adam Adam's hyper-parameters
 * @param clipNorm global gradient-norm limit; 0 disables clipping
 * @param validateEvery validate every this many steps; 0 = at the end of every epoch
 * @param watchMetric the validation metric that picks the best model and drives early stopping; null = none
 *     (then the last parameters are the result)
 * @param goal whether a larger or a smaller watched metric is better
 * @param patience stop after this many validations without improvement; 0 = never stop early
 * @param checkpointEvery also write a checkpoint every this many steps; 0 = no step cadence
 * @param checkpointMinutes write a checkpoint at least every this many minutes of training (fractions allowed);
 *     0 = no time cadence. Checkpoints are also written at every validation and at the end.
 * @param logEvery write a training-loss line to the metrics log every this many steps
 * @param seed seeds the data order and the engine RNG (dropout, sampling) of every step
 * @param logFile the JSONL metrics log, relative to the run directory unless absolute
 */
public record TrainConfig(int epochs, long maxSteps, double lr, LrSchedule schedule, AdamConfig adam, double clipNorm,
                          long validateEvery, String watchMetric, Goal goal, int patience, long checkpointEvery,
                          double checkpointMinutes, long logEvery, long seed, String logFile) {
    /** Which direction of the watched metric is an improvement. */
    public enum Goal { MAX, MIN }

    public TrainConfig {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (maxSteps < 0) throw new IllegalArgumentException("maxSteps must be >= 0");
        if (!(lr > 0)) throw new IllegalArgumentException("lr must be > 0, got " + lr);
        if (clipNorm < 0) throw new IllegalArgumentException("clipNorm must be >= 0");
        if (validateEvery < 0 || patience < 0 || checkpointEvery < 0) {
            throw new IllegalArgumentException("validateEvery, patience and checkpointEvery must be >= 0");
        }
        if (!(checkpointMinutes >= 0) || Double.isInfinite(checkpointMinutes)) {
            throw new IllegalArgumentException("checkpoint minutes must be a number >= 0, got " + checkpointMinutes);
        }
        if (logEvery < 1) throw new IllegalArgumentException("logEvery must be >= 1");
        if (schedule == null) schedule = LrSchedule.constant();
        if (adam == null) adam = AdamConfig.defaults();
        if (goal == null) goal = Goal.MAX;
        if (logFile == null || logFile.isBlank()) logFile = "metrics.jsonl";
        if (watchMetric != null && watchMetric.isBlank()) watchMetric = null;
    }

    public static TrainConfig defaults() {
        return new TrainConfig(10, 0, 4e-4, LrSchedule.constant(), AdamConfig.defaults(), 5.0, 0, null, Goal.MAX, 0,
                1000, 10.0, 50, 42L, "metrics.jsonl");
    }

    public TrainConfig withEpochs(int n) {
        return new TrainConfig(n, maxSteps, lr, schedule, adam, clipNorm, validateEvery, watchMetric, goal, patience,
                checkpointEvery, checkpointMinutes, logEvery, seed, logFile);
    }

    public TrainConfig withMaxSteps(long n) {
        return new TrainConfig(epochs, n, lr, schedule, adam, clipNorm, validateEvery, watchMetric, goal, patience,
                checkpointEvery, checkpointMinutes, logEvery, seed, logFile);
    }

    public TrainConfig withLr(double newLr, LrSchedule newSchedule) {
        return new TrainConfig(epochs, maxSteps, newLr, newSchedule, adam, clipNorm, validateEvery, watchMetric, goal,
                patience, checkpointEvery, checkpointMinutes, logEvery, seed, logFile);
    }

    public TrainConfig withAdam(AdamConfig newAdam) {
        return new TrainConfig(epochs, maxSteps, lr, schedule, newAdam, clipNorm, validateEvery, watchMetric, goal,
                patience, checkpointEvery, checkpointMinutes, logEvery, seed, logFile);
    }

    public TrainConfig withClipNorm(double norm) {
        return new TrainConfig(epochs, maxSteps, lr, schedule, adam, norm, validateEvery, watchMetric, goal, patience,
                checkpointEvery, checkpointMinutes, logEvery, seed, logFile);
    }

    /** Validate every {@code every} steps (0 = per epoch), watch {@code metric}, stop after {@code patience} misses. */
    public TrainConfig withValidation(long every, String metric, Goal newGoal, int newPatience) {
        return new TrainConfig(epochs, maxSteps, lr, schedule, adam, clipNorm, every, metric, newGoal, newPatience,
                checkpointEvery, checkpointMinutes, logEvery, seed, logFile);
    }

    public TrainConfig withCheckpointEvery(long n) {
        return new TrainConfig(epochs, maxSteps, lr, schedule, adam, clipNorm, validateEvery, watchMetric, goal,
                patience, n, checkpointMinutes, logEvery, seed, logFile);
    }

    public TrainConfig withCheckpointMinutes(double minutes) {
        return new TrainConfig(epochs, maxSteps, lr, schedule, adam, clipNorm, validateEvery, watchMetric, goal,
                patience, checkpointEvery, minutes, logEvery, seed, logFile);
    }

    public TrainConfig withLogEvery(long n) {
        return new TrainConfig(epochs, maxSteps, lr, schedule, adam, clipNorm, validateEvery, watchMetric, goal,
                patience, checkpointEvery, checkpointMinutes, n, seed, logFile);
    }

    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(epochs, maxSteps, lr, schedule, adam, clipNorm, validateEvery, watchMetric, goal,
                patience, checkpointEvery, checkpointMinutes, logEvery, newSeed, logFile);
    }

    public TrainConfig withLogFile(String file) {
        return new TrainConfig(epochs, maxSteps, lr, schedule, adam, clipNorm, validateEvery, watchMetric, goal,
                patience, checkpointEvery, checkpointMinutes, logEvery, seed, file);
    }

    /** True when {@code candidate} beats {@code best} under {@link #goal()}. */
    public boolean improves(double candidate, double best) {
        if (Double.isNaN(best)) return !Double.isNaN(candidate);
        return goal == Goal.MAX ? candidate > best : candidate < best;
    }
}
