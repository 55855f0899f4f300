package dev.vlsuite.assets.world;

import java.util.List;
import java.util.Optional;

/**
 * Where one object is relative to another, read from the geometry (image coordinates: y grows down).
 * A relation is only stated when it is clear: the objects are apart along one axis (their boxes do not
 * overlap on it) and the centre offset along that axis is at least twice the offset along the other.
 */
public enum Relation {
    LEFT_OF(List.of("to the left of", "left of")),
    RIGHT_OF(List.of("to the right of", "right of")),
    ABOVE(List.of("above", "over")),
    BELOW(List.of("below", "under"));

    private final List<String> phrases;

    Relation(List<String> phrases) {
        this.phrases = phrases;
    }

    /** Ways to say it; the first is the canonical one used in questions. */
    public List<String> phrases() {
        return phrases;
    }

    public String phrase() {
        return phrases.get(0);
    }

    public Relation inverse() {
        return switch (this) {
            case LEFT_OF -> RIGHT_OF;
            case RIGHT_OF -> LEFT_OF;
            case ABOVE -> BELOW;
            case BELOW -> ABOVE;
        };
    }

    public boolean horizontal() {
        return this == LEFT_OF || this == RIGHT_OF;
    }

    /** True when this relation holds from a to b by the rule above. */
    public boolean holds(SceneObject a, SceneObject b) {
        return between(a, b).orElse(null) == this;
    }

    /** The clear relation of a to b ("a is LEFT_OF b"), or empty when the layout is ambiguous (diagonal). */
    public static Optional<Relation> between(SceneObject a, SceneObject b) {
        double dx = b.cx() - a.cx(), dy = b.cy() - a.cy();
        if (Math.abs(dx) >= 2 * Math.abs(dy)) {
            if (a.bbox().x1() <= b.bbox().x0()) return Optional.of(LEFT_OF);
            if (b.bbox().x1() <= a.bbox().x0()) return Optional.of(RIGHT_OF);
        } else if (Math.abs(dy) >= 2 * Math.abs(dx)) {
            if (a.bbox().y1() <= b.bbox().y0()) return Optional.of(ABOVE);
            if (b.bbox().y1() <= a.bbox().y0()) return Optional.of(BELOW);
        }
        return Optional.empty();
    }
}
