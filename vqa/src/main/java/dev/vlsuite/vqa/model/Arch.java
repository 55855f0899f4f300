package dev.vlsuite.vqa.model;

import java.util.Locale;

/** The VQA models of the suite, by their {@code --arch} names. */
public enum Arch {
    /** Antol et al. 2015 / VQA_LSTM_CNN "deeper LSTM Q + norm I": one image vector, pointwise fusion. */
    LSTM_Q_NORM_I("lstm-q-norm-i"),
    /** Yang et al. 2016, stacked attention networks: the question queries the conv grid in hops. */
    SAN("san");

    private final String flag;

    Arch(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }

    /** Whether the model reads the conv grid (L x D) rather than one image vector. */
    public boolean attends() {
        return this == SAN;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Arch parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (Arch a : values()) if (a.flag.equals(k) || a.name().toLowerCase(Locale.ROOT).equals(k)) return a;
        throw new IllegalArgumentException("--arch: expected lstm-q-norm-i or san, got '" + s + "'");
    }

    @Override
    public String toString() {
        return flag;
    }
}
