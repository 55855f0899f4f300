package dev.vlsuite.video.model;

import java.util.Locale;

/** The video caption models, as {@code --arch} names them. */
public enum Arch {
    /** Venugopalan et al. 2015, "Sequence to Sequence -- Video to Text": two stacked LSTMs over frames, then words. */
    S2VT("s2vt"),
    /** Venugopalan et al. NAACL 2015: the mean of the frame features as the image vector of a Show-and-Tell decoder. */
    MEAN_POOL("mean-pool");

    private final String label;

    Arch(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException for a name that is no arch */
    public static Arch parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Arch a : values()) if (a.label.equals(n) || a.name().toLowerCase(Locale.ROOT).equals(n)) return a;
        throw new IllegalArgumentException("unknown arch '" + name + "'; use s2vt or mean-pool");
    }

    @Override
    public String toString() {
        return label;
    }
}
