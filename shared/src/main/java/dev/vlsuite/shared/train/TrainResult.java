package dev.vlsuite.shared.train;

import java.nio.file.Path;
import java.util.Map;

/**
 * The outcome of {@link TrainingLoop#fit}. After fit the task's block holds the best parameters when a metric was
 * watched, else the last ones; {@code modelFile} is the bundle of exactly those.
 *
 * @param lastLoss mean training loss over the last logging window (NaN when no step ran in this process)
 * @param bestMetric the best watched metric (NaN without one)
 * @param lastMetrics the metrics of the last validation (empty when none ran)
 * @param startStep the step this process started from (0 for a fresh run, the checkpoint's step when resumed)
 * @param alreadyComplete the resumed run had finished before: nothing was trained, the saved result was restored
 */
public record TrainResult(long steps, int epochsCompleted, double lastLoss, String watchMetric, double bestMetric,
                          long bestStep, boolean stoppedEarly, Map<String, Double> lastMetrics, Path modelFile,
                          Path checkpointFile, long startStep, boolean alreadyComplete) {}
