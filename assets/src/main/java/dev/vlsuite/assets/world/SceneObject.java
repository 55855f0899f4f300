package dev.vlsuite.assets.world;

import java.util.Objects;

/**
 * One shape in a scene. Coordinates are pixels of the scene's canvas: centre (cx, cy), the
 * half-side {@code radius} the outline is drawn in, and the tight bounding box of the drawn outline.
 */
public record SceneObject(ShapeKind kind, ShapeColour colour, ShapeSize size, double cx, double cy, double radius, Box bbox) {
    public SceneObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(bbox, "bbox");
    }

    /** Places a shape: the radius follows from size and canvas, the box from the outline. */
    public static SceneObject place(ShapeKind kind, ShapeColour colour, ShapeSize size, double cx, double cy, int canvas) {
        double r = size.radiusFraction() * canvas;
        var b = kind.outline(cx, cy, r).getBounds2D();
        return new SceneObject(kind, colour, size, cx, cy, r, new Box(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()));
    }

    /** "large red circle" */
    public String describe() {
        return size.word() + " " + colour.word() + " " + kind.word();
    }

    public SceneObject scaled(double f) {
        return new SceneObject(kind, colour, size, cx * f, cy * f, radius * f, bbox.scaled(f));
    }
}
