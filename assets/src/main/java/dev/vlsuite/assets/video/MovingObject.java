package dev.vlsuite.assets.video;

import dev.vlsuite.assets.world.Box;
import dev.vlsuite.assets.world.SceneObject;
import dev.vlsuite.assets.world.ShapeColour;
import dev.vlsuite.assets.world.ShapeKind;
import dev.vlsuite.assets.world.ShapeSize;
import java.util.Objects;

/**
 * One shape of a clip: its state in the first frame and in the last, in canvas pixels. In between,
 * position and size move linearly; a colour change happens at the middle frame.
 */
public record MovingObject(ShapeKind kind, Motion motion, ShapeColour colour, ShapeColour endColour, ShapeSize size, ShapeSize endSize,
                           double cx, double cy, double endCx, double endCy, int canvas) {
    public MovingObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(motion, "motion");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(endColour, "endColour");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(endSize, "endSize");
    }

    /** The shape as drawn at time {@code t} in [0, 1] (0: first frame, 1: last frame). */
    public SceneObject at(double t) {
        double x = cx + (endCx - cx) * t;
        double y = cy + (endCy - cy) * t;
        double r = (size.radiusFraction() + (endSize.radiusFraction() - size.radiusFraction()) * t) * canvas;
        ShapeColour c = t < 0.5 ? colour : endColour;
        ShapeSize s = t < 0.5 ? size : endSize;
        var b = kind.outline(x, y, r).getBounds2D();
        return new SceneObject(kind, c, s, x, y, r, new Box(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()));
    }

    /** The first frame's shape: what a caption names ("a small red circle"). */
    public SceneObject start() {
        return at(0);
    }
}
