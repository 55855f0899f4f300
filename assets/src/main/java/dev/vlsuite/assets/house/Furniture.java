package dev.vlsuite.assets.house;

import dev.vlsuite.assets.world.ShapeKind;

/**
 * What the instructions call an object, and the shape of the synthetic world that draws it. Furniture
 * names rather than shape names: the instructions then read as R2R's do ("stop next to the red chair"),
 * while the pictures keep the world's six shapes, which the CNN pathway already separates well.
 */
public enum Furniture {
    CHAIR("chair", ShapeKind.TRIANGLE),
    TABLE("table", ShapeKind.SQUARE),
    LAMP("lamp", ShapeKind.CIRCLE),
    PLANT("plant", ShapeKind.STAR),
    VASE("vase", ShapeKind.DIAMOND),
    SHELF("shelf", ShapeKind.CROSS);

    private final String word;
    private final ShapeKind shape;

    Furniture(String word, ShapeKind shape) {
        this.word = word;
        this.shape = shape;
    }

    public String word() {
        return word;
    }

    public ShapeKind shape() {
        return shape;
    }

    /** @throws IllegalArgumentException for a word that names no furniture */
    public static Furniture fromWord(String word) {
        for (Furniture f : values()) if (f.word.equals(word)) return f;
        throw new IllegalArgumentException("unknown furniture: " + word);
    }
}
