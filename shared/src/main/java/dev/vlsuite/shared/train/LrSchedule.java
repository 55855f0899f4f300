package dev.vlsuite.shared.train;

/**
 * The learning rate as a function of the step (0-based step about to be taken).
 *
 * @param kind constant, step decay, or cosine annealing
 * @param warmupSteps linear warm-up from lr/warmupSteps to lr over this many steps (any kind); 0 for none
 * @param decayEvery step decay: multiply by {@code gamma} every this many steps after warm-up
 * @param gamma step decay factor
 * @param minLrFraction cosine: the floor as a fraction of the base lr
 */
public record LrSchedule(Kind kind, long warmupSteps, long decayEvery, double gamma, double minLrFraction) {
    public enum Kind { CONSTANT, STEP, COSINE }

    public LrSchedule {
        if (kind == null) kind = Kind.CONSTANT;
        if (warmupSteps < 0) throw new IllegalArgumentException("warmupSteps must be >= 0");
        if (kind == Kind.STEP && (decayEvery <= 0 || gamma <= 0)) {
            throw new IllegalArgumentException("step decay needs decayEvery > 0 and gamma > 0");
        }
        if (minLrFraction < 0 || minLrFraction > 1) throw new IllegalArgumentException("minLrFraction must be in [0,1]");
    }

    public static LrSchedule constant() {
        return new LrSchedule(Kind.CONSTANT, 0, 0, 1, 0);
    }

    public static LrSchedule stepDecay(long decayEvery, double gamma) {
        return new LrSchedule(Kind.STEP, 0, decayEvery, gamma, 0);
    }

    public static LrSchedule cosine(long warmupSteps, double minLrFraction) {
        return new LrSchedule(Kind.COSINE, warmupSteps, 0, 1, minLrFraction);
    }

    public LrSchedule withWarmup(long steps) {
        return new LrSchedule(kind, steps, decayEvery, gamma, minLrFraction);
    }

    /**
     * @param baseLr the configured learning rate
     * @param step the 0-based step about to be taken
     * @param totalSteps the run's length (cosine needs it)
     */
    public double lr(double baseLr, long step, long totalSteps) {
        if (step < warmupSteps) return baseLr * (step + 1) / warmupSteps;
        long t = step - warmupSteps;
        return switch (kind) {
            case CONSTANT -> baseLr;
            case STEP -> baseLr * Math.pow(gamma, t / decayEvery);
            case COSINE -> {
                long span = Math.max(1, totalSteps - warmupSteps);
                double progress = Math.min(1.0, (double) t / span);
                double floor = baseLr * minLrFraction;
                yield floor + (baseLr - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
            }
        };
    }
}
