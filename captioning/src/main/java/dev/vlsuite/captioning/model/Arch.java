package dev.vlsuite.captioning.model;

import java.util.Locale;

/** The caption decoders vlsuite implements (select with --arch). */
public enum Arch {
    /** Vinyals et al. 2015 / neuraltalk2: the image vector is the first LSTM input. */
    SHOW_TELL("show-tell"),
    /** Xu et al. 2015, deterministic soft attention over the conv grid. */
    SOFT("soft"),
    /** Xu et al. 2015, stochastic hard attention trained with REINFORCE. */
    HARD("hard");

    private final String cliName;

    Arch(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public boolean attends() {
        return this != SHOW_TELL;
    }

    public static Arch parse(String s) {
        for (Arch a : values()) {
            if (a.cliName.equalsIgnoreCase(s) || a.name().equalsIgnoreCase(s)) return a;
        }
        throw new IllegalArgumentException("unknown arch '" + s + "' (show-tell, soft, hard)");
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
