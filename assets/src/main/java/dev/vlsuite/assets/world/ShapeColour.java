package dev.vlsuite.assets.world;

import java.awt.Color;

/** Saturated colours, far apart from each other and from the grey background. */
public enum ShapeColour {
    RED("red", new Color(225, 30, 30)),
    GREEN("green", new Color(30, 185, 50)),
    BLUE("blue", new Color(40, 90, 245)),
    YELLOW("yellow", new Color(245, 225, 20)),
    PURPLE("purple", new Color(160, 45, 210)),
    ORANGE("orange", new Color(255, 140, 0)),
    WHITE("white", new Color(245, 245, 245));

    private final String word;
    private final Color rgb;

    ShapeColour(String word, Color rgb) {
        this.word = word;
        this.rgb = rgb;
    }

    /** The one adjective used for this colour in every caption, question and answer. */
    public String word() {
        return word;
    }

    public Color rgb() {
        return rgb;
    }

    /** @throws IllegalArgumentException for a word that names no colour */
    public static ShapeColour fromWord(String word) {
        for (ShapeColour c : values()) if (c.word.equals(word)) return c;
        throw new IllegalArgumentException("unknown colour: " + word);
    }
}
