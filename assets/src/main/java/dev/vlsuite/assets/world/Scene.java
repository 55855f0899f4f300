package dev.vlsuite.assets.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One generated picture: a square canvas of {@code canvas} pixels, its background and 1-4 objects.
 * Within a scene no two objects share a kind or a colour, so "the circle" and "the red shape" always
 * name exactly one object. {@code seed} drives everything derived from the scene (texture, captions, questions).
 */
public record Scene(int id, long seed, int canvas, Background background, List<SceneObject> objects) {
    public Scene {
        Objects.requireNonNull(background, "background");
        objects = List.copyOf(objects);
        if (canvas <= 0) throw new IllegalArgumentException("canvas must be positive: " + canvas);
        if (objects.isEmpty()) throw new IllegalArgumentException("a scene needs at least one object");
    }

    public int count() {
        return objects.size();
    }

    public Optional<SceneObject> find(ShapeKind kind) {
        return objects.stream().filter(o -> o.kind() == kind).findFirst();
    }

    public Optional<SceneObject> find(ShapeColour colour) {
        return objects.stream().filter(o -> o.colour() == colour).findFirst();
    }

    public boolean contains(ShapeColour colour, ShapeKind kind) {
        return objects.stream().anyMatch(o -> o.colour() == colour && o.kind() == kind);
    }

    /** Ordered pairs (a, b) whose relation is clear, in object order. */
    public List<RelatedPair> clearRelations() {
        List<RelatedPair> out = new ArrayList<>();
        for (SceneObject a : objects)
            for (SceneObject b : objects)
                if (a != b) Relation.between(a, b).ifPresent(r -> out.add(new RelatedPair(a, r, b)));
        return out;
    }

    /** The same scene drawn on a canvas of {@code size} pixels (coordinates scaled). */
    public Scene scaledTo(int size) {
        if (size == canvas) return this;
        double f = (double) size / canvas;
        return new Scene(id, seed, size, background, objects.stream().map(o -> o.scaled(f)).toList());
    }

    /** "a is relation b". */
    public record RelatedPair(SceneObject a, Relation relation, SceneObject b) {}
}
