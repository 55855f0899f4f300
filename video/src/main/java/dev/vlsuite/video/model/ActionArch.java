package dev.vlsuite.video.model;

import java.util.Locale;

/** The action classifiers, as {@code --arch} names them with {@code --task classify}. */
public enum ActionArch {
    /** An LSTM over the frame features; its last hidden state -> Linear -> class scores (many-to-one). */
    LSTM("lstm"),
    /**
     * "Classification on frame level" (LRCN, Donahue et al. 2015): the same LSTM scores the class at every frame,
     * trained on every frame's prediction, and the per-frame probabilities are averaged.
     */
    FRAME_MEAN("frame-mean"),
    /** Baseline: the middle frame alone -> MLP; cannot know where a shape went, only where it is. */
    SINGLE_FRAME("single-frame");

    private final String label;

    ActionArch(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException for a name that is no action arch */
    public static ActionArch parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (ActionArch a : values()) if (a.label.equals(n) || a.name().toLowerCase(Locale.ROOT).equals(n)) return a;
        throw new IllegalArgumentException("unknown classifier arch '" + name + "'; use lstm, frame-mean or single-frame");
    }

    @Override
    public String toString() {
        return label;
    }
}
