package dev.vlsuite.assets.world;

import java.util.List;

/** Two sizes, far enough apart to tell at a glance. The radius is a fraction of the canvas side. */
public enum ShapeSize {
    SMALL("small", List.of("small", "little"), 0.11),
    LARGE("large", List.of("large", "big"), 0.19);

    private final String word;
    private final List<String> synonyms;
    private final double radiusFraction;

    ShapeSize(String word, List<String> synonyms, double radiusFraction) {
        this.word = word;
        this.synonyms = synonyms;
        this.radiusFraction = radiusFraction;
    }

    public String word() {
        return word;
    }

    /** Words a caption may use for this size (the first is {@link #word()}). */
    public List<String> synonyms() {
        return synonyms;
    }

    /** Half-side of the object's square, as a fraction of the canvas side. */
    public double radiusFraction() {
        return radiusFraction;
    }

    /** @throws IllegalArgumentException for a word that names no size */
    public static ShapeSize fromWord(String word) {
        for (ShapeSize s : values()) if (s.synonyms.contains(word)) return s;
        throw new IllegalArgumentException("unknown size: " + word);
    }
}
