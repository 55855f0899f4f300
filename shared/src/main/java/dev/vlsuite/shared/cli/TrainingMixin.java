package dev.vlsuite.shared.cli;

import dev.vlsuite.shared.train.LrSchedule;
import dev.vlsuite.shared.train.TrainConfig;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The optimisation options every {@code train} command takes (use as a picocli {@code @Mixin}): epochs or steps,
 * batch, Adam lr and its schedule with warm-up, gradient clipping, validation cadence and the metric that keeps the
 * best model, early stopping, loss logging, checkpoint cadence and {@code --resume}. A task gives its own default
 * learning rate by initialising the field: {@code @Mixin TrainingMixin training = new TrainingMixin(4e-4);}
 * (picocli keeps an initialised mixin and takes an option's initial value as its default).
 */
public final class TrainingMixin {
    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training data (default: ${DEFAULT-VALUE}).")
    public int epochs = 10;

    @Option(names = "--steps", paramLabel = "N", description = "Stop after N updates; 0 = epochs decide.")
    public long steps = 0;

    @Option(names = "--batch", paramLabel = "N", description = "Captions per step (default: ${DEFAULT-VALUE}).")
    public int batch = 32;

    @Option(names = "--lr", paramLabel = "X", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    public double lr;

    @Option(names = "--lr-schedule", paramLabel = "constant|cosine|step",
            description = "Learning-rate schedule after the warm-up: constant; cosine from --lr down to --min-lr-fraction x --lr "
                    + "at the last step; step: times --gamma every --decay-every steps (default: ${DEFAULT-VALUE}).")
    public String lrSchedule = "constant";

    @Option(names = "--warmup-steps", paramLabel = "N", description = "Linear warm-up from lr/N to lr over the first N steps (default: ${DEFAULT-VALUE}).")
    public long warmupSteps = 0;

    @Option(names = "--min-lr-fraction", paramLabel = "X", description = "Cosine schedule: the final lr as a fraction of --lr (default: ${DEFAULT-VALUE}).")
    public double minLrFraction = 0;

    @Option(names = "--decay-every", paramLabel = "N", description = "Step schedule: multiply the lr by --gamma every N steps.")
    public long decayEvery = 0;

    @Option(names = "--gamma", paramLabel = "X", description = "Step schedule: the decay factor (default: ${DEFAULT-VALUE}).")
    public double gamma = 0.1;

    @Option(names = "--clip", paramLabel = "X", description = "Global gradient-norm limit; 0 = off (default: ${DEFAULT-VALUE}).")
    public double clip = 5;

    @Option(names = "--validate-every", paramLabel = "N", description = "Validate every N steps; 0 = every epoch.")
    public long validateEvery = 0;

    @Option(names = "--watch", paramLabel = "METRIC", description = "Metric that picks the best model: CIDEr or Bleu_4 (default: ${DEFAULT-VALUE}).")
    public String watch = "CIDEr";

    @Option(names = "--patience", paramLabel = "N", description = "Stop after N validations without improvement; 0 = never.")
    public int patience = 0;

    @Option(names = "--log-every", paramLabel = "N", description = "Write the mean training loss to metrics.jsonl every N steps (default: ${DEFAULT-VALUE}).")
    public long logEvery = 50;

    @Option(names = "--checkpoint-minutes", paramLabel = "M",
            description = "Write the checkpoint at least every M minutes (fractions allowed), besides every validation and the "
                    + "end, so a killed run loses at most M minutes of training (default: ${DEFAULT-VALUE}).")
    public double checkpointMinutes = 10;

    @Option(names = "--resume", description = "Continue the run in OUT.run/ from its last checkpoint (same options; a larger --steps or --epochs extends a finished run).")
    public boolean resume;

    /** Picocli's no-argument instance: lr 1e-3. */
    public TrainingMixin() {
        this(1e-3);
    }

    /** @param defaultLr the task's default Adam learning rate */
    public TrainingMixin(double defaultLr) {
        this.lr = defaultLr;
    }

    /**
     * The optimiser side of the options with {@code seed} (EngineMixin's --seed).
     *
     * @throws IllegalArgumentException one line when a value is out of range
     */
    public TrainConfig trainConfig(long seed) {
        if (batch < 1) throw new IllegalArgumentException("--batch must be >= 1: " + batch);
        return TrainConfig.defaults().withEpochs(epochs).withMaxSteps(steps).withLr(lr, schedule())
                .withClipNorm(clip).withValidation(validateEvery, watch, TrainConfig.Goal.MAX, patience).withSeed(seed)
                .withLogEvery(logEvery).withCheckpointMinutes(checkpointMinutes);
    }

    /** The --lr-schedule family with its warm-up; LrSchedule checks the numbers. */
    public LrSchedule schedule() {
        LrSchedule base = switch (lrSchedule.toLowerCase(Locale.ROOT)) {
            case "constant" -> LrSchedule.constant();
            case "cosine" -> LrSchedule.cosine(0, minLrFraction);
            case "step" -> {
                if (decayEvery <= 0) throw new IllegalArgumentException("--lr-schedule step needs --decay-every N > 0");
                yield LrSchedule.stepDecay(decayEvery, gamma);
            }
            default -> throw new IllegalArgumentException("--lr-schedule: expected constant, cosine or step, got '" + lrSchedule + "'");
        };
        return base.withWarmup(warmupSteps);
    }
}
