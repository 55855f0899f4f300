package dev.vlsuite.assets.house;

import dev.vlsuite.assets.world.ShapeColour;

/** A piece of furniture standing on the floor at (x, y) metres; drawn as its shape, {@code 2 * radius} tall. */
public record HouseObject(Furniture kind, ShapeColour colour, double x, double y, double radius) {
    /** "red chair" */
    public String name() {
        return colour.word() + " " + kind.word();
    }
}
