package dev.vlsuite.captioning.training;

/**
 * How the CNN is trained together with the decoder ({@code caption train --fine-tune}).
 *
 * @param cnnLr the backbone's learning rate; 0 = a tenth of the decoder's (a common choice when fine-tuning a
 *     pretrained CNN under a freshly initialised decoder)
 */
public record FineTuning(double cnnLr) {
    public FineTuning {
        if (cnnLr < 0 || Double.isNaN(cnnLr)) throw new IllegalArgumentException("CNN learning rate must be >= 0, got " + cnnLr);
    }

    public static FineTuning defaults() {
        return new FineTuning(0);
    }

    /** The CNN's rate as a factor on the decoder's {@code lr}. */
    double lrScale(double lr) {
        return cnnLr == 0 ? 0.1 : cnnLr / lr;
    }
}
