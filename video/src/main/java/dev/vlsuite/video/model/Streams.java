package dev.vlsuite.video.model;

import java.util.Locale;

/**
 * Which feature streams a video model reads, as {@code --streams} names them. S2VT (Venugopalan et al. 2015)
 * fuses an RGB model and an optical-flow model at the word scores; vlsuite's motion stream is the cheap stand-in
 * for flow: differences of consecutive sampled frames, through the same backbone and spatial pooling as the frames.
 */
public enum Streams {
    /** Frames only. */
    RGB("rgb", 1),
    /** Frame differences only: the motion stream on its own (S2VT's flow-only model); fused with an rgb model by {@code video fuse}. */
    DIFF("diff", 1),
    /** Frames, and frame differences as a second stream fused at the word scores. */
    RGB_DIFF("rgb+diff", 2);

    private final String label;
    private final int count;

    Streams(String label, int count) {
        this.label = label;
        this.count = count;
    }

    public String label() {
        return label;
    }

    /** Streams read: each frame's input vector is {@code count} stream vectors side by side. */
    public int count() {
        return count;
    }

    /** @throws IllegalArgumentException for a name that is no stream set */
    public static Streams parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Streams s : values()) if (s.label.equals(n) || s.name().toLowerCase(Locale.ROOT).equals(n)) return s;
        throw new IllegalArgumentException("unknown streams '" + name + "'; use rgb, diff or rgb+diff");
    }

    @Override
    public String toString() {
        return label;
    }
}
