package dev.vlsuite.assets.world;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelationTest {
    private static SceneObject at(double cx, double cy) {
        return SceneObject.place(ShapeKind.CIRCLE, ShapeColour.RED, ShapeSize.SMALL, cx, cy, 100);
    }

    @Test
    void readsDirectionFromGeometry() {
        SceneObject left = at(20, 50), right = at(80, 52), top = at(50, 20), bottom = at(48, 80);
        assertEquals(Optional.of(Relation.LEFT_OF), Relation.between(left, right));
        assertEquals(Optional.of(Relation.RIGHT_OF), Relation.between(right, left));
        assertEquals(Optional.of(Relation.ABOVE), Relation.between(top, bottom));
        assertEquals(Optional.of(Relation.BELOW), Relation.between(bottom, top));
        assertTrue(Relation.LEFT_OF.holds(left, right));
        assertFalse(Relation.RIGHT_OF.holds(left, right));
    }

    @Test
    void diagonalOrOverlappingLayoutsHaveNoClearRelation() {
        assertTrue(Relation.between(at(20, 20), at(80, 80)).isEmpty(), "diagonal");
        assertTrue(Relation.between(at(40, 50), at(55, 50)).isEmpty(), "boxes overlap horizontally");
    }

    @Test
    void generatedRelationsAgreeWithCentresAndBoxes() {
        int seen = 0;
        for (Scene s : SyntheticWorld.generate(8, 300, 128)) {
            for (Scene.RelatedPair p : s.clearRelations()) {
                seen++;
                double dx = p.b().cx() - p.a().cx(), dy = p.b().cy() - p.a().cy();
                switch (p.relation()) {
                    case LEFT_OF -> assertTrue(dx > 0 && p.a().bbox().x1() <= p.b().bbox().x0() && Math.abs(dx) >= 2 * Math.abs(dy));
                    case RIGHT_OF -> assertTrue(dx < 0 && p.b().bbox().x1() <= p.a().bbox().x0() && Math.abs(dx) >= 2 * Math.abs(dy));
                    case ABOVE -> assertTrue(dy > 0 && p.a().bbox().y1() <= p.b().bbox().y0() && Math.abs(dy) >= 2 * Math.abs(dx));
                    case BELOW -> assertTrue(dy < 0 && p.b().bbox().y1() <= p.a().bbox().y0() && Math.abs(dy) >= 2 * Math.abs(dx));
                }
                assertEquals(Optional.of(p.relation().inverse()), Relation.between(p.b(), p.a()));
            }
            // two-object scenes are laid out side by side or stacked: always a clear relation
            if (s.count() == 2) assertEquals(2, s.clearRelations().size(), "scene " + s.id());
            if (s.count() >= 3) assertFalse(s.clearRelations().isEmpty(), "scene " + s.id());
        }
        assertTrue(seen > 200);
    }
}
