package dev.vlsuite.shared.nn;

import ai.djl.ndarray.NDArray;

/**
 * REINFORCE (Williams 1992) as Xu et al. 2015 train hard attention: a surrogate loss whose gradient is an
 * unbiased estimate of minus the gradient of the expected reward, with a moving-average baseline to cut
 * variance and an entropy bonus to keep exploring:
 * <pre>
 *   loss = -mean_b( logProb_b * stopGradient(reward_b - baseline) ) - entropyWeight * mean_b(entropy_b)
 *   baseline <- decay * baseline + (1 - decay) * mean_b(reward_b)       (after computing the loss)
 * </pre>
 * {@code logProb} is the log-probability of the sampled actions of each row (sum over time steps for a
 * sequence). The baseline is the object's state: keep one instance per training run (and save
 * {@link #baseline()} with checkpoints). Not thread-safe.
 */
public final class Reinforce {
    private final float decay;
    private final float entropyWeight;
    private float baseline;

    public Reinforce(float decay, float entropyWeight, float initialBaseline) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("baseline decay must be in [0, 1), got " + decay);
        }
        if (!(entropyWeight >= 0)) {
            throw new IllegalArgumentException("entropy weight must be >= 0, got " + entropyWeight);
        }
        this.decay = decay;
        this.entropyWeight = entropyWeight;
        this.baseline = initialBaseline;
    }

    /** Xu et al.'s settings: baseline decay 0.9, entropy weight 0.002, baseline starting at 0. */
    public static Reinforce xuEtAl() {
        return new Reinforce(0.9f, 0.002f, 0f);
    }

    /**
     * The surrogate loss (a scalar to call backward on), then updates the baseline (one host read).
     *
     * @param logProb (B) log-probability of the sampled actions, differentiable
     * @param reward  (B) reward of each row (its gradient is ignored)
     * @param entropy (B) entropy of the sampling distribution, differentiable; null for no bonus
     */
    public NDArray loss(NDArray logProb, NDArray reward, NDArray entropy) {
        if (logProb.getShape().dimension() != 1 || !logProb.getShape().equals(reward.getShape())) {
            throw new IllegalArgumentException("Reinforce: logProb and reward must both be (B), got "
                    + logProb.getShape() + " and " + reward.getShape());
        }
        NDArray r = reward.stopGradient().toType(logProb.getDataType(), false);           // (B)
        NDArray advantage = r.sub(baseline);                                              // (B) no gradient
        NDArray loss = logProb.mul(advantage).mean().neg();                               // ()
        if (entropy != null && entropyWeight > 0) {
            loss = loss.sub(entropy.mean().mul(entropyWeight));
        }
        try (NDArray meanReward = r.mean()) {
            double m = meanReward.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
            baseline = (float) (decay * baseline + (1 - decay) * m);
        }
        return loss;
    }

    /** The current moving-average baseline. */
    public float baseline() {
        return baseline;
    }

    public float decay() {
        return decay;
    }

    public float entropyWeight() {
        return entropyWeight;
    }
}
