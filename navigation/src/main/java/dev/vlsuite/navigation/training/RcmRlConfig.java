package dev.vlsuite.navigation.training;

/**
 * The RL phase of rcm (Wang et al. 2019, sec. 3.3): loss = mlWeight * imitation cross-entropy (on the same sampled
 * rollout) + REINFORCE on discounted returns of the extrinsic reward (reduction of the distance to the goal at
 * each move; at STOP +successBonus within successDistance metres of the goal, -successBonus farther) plus the
 * intrinsic reward at the last step, intrinsicWeight * the speaker's length-normalised log p(instruction | route).
 * Baseline and entropy bonus are the shared REINFORCE helper's.
 */
public record RcmRlConfig(double mlWeight, double gamma, double successBonus, double successDistance,
                          double intrinsicWeight, float baselineDecay, float entropyWeight) {
    public RcmRlConfig {
        if (mlWeight < 0 || gamma < 0 || gamma > 1 || successBonus < 0 || successDistance <= 0 || intrinsicWeight < 0) {
            throw new IllegalArgumentException("RL weights must be >= 0 (gamma in [0, 1], success distance > 0)");
        }
    }

    /** Speaker-follower / RCM choices: discount 0.95, bonus 3 within 3 m; ML weight 0.2, intrinsic weight 1, entropy 0.01. */
    public static RcmRlConfig defaults() {
        return new RcmRlConfig(0.2, 0.95, 3.0, 3.0, 1.0, 0.9f, 0.01f);
    }

    public RcmRlConfig withIntrinsicWeight(double w) {
        return new RcmRlConfig(mlWeight, gamma, successBonus, successDistance, w, baselineDecay, entropyWeight);
    }

    public RcmRlConfig withMlWeight(double w) {
        return new RcmRlConfig(w, gamma, successBonus, successDistance, intrinsicWeight, baselineDecay, entropyWeight);
    }
}
