package dev.vlsuite.shared.train;

/**
 * Adam's hyper-parameters; the defaults are torch.optim.Adam's.
 *
 * @param weightDecay L2 penalty added to the gradient (torch's Adam, not AdamW)
 */
public record AdamConfig(double beta1, double beta2, double eps, double weightDecay) {
    public AdamConfig {
        if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) throw new IllegalArgumentException("betas must be in [0,1)");
        if (eps <= 0) throw new IllegalArgumentException("eps must be > 0");
        if (weightDecay < 0) throw new IllegalArgumentException("weightDecay must be >= 0");
    }

    public static AdamConfig defaults() {
        return new AdamConfig(0.9, 0.999, 1e-8, 0);
    }
}
