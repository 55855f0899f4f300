package dev.vlsuite.assets.world;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticWorldTest {
    @Test
    void sameSeedGivesIdenticalScenesAndPngBytes() {
        List<Scene> a = SyntheticWorld.generate(11, 8, 128);
        List<Scene> b = SyntheticWorld.generate(11, 8, 128);
        assertEquals(a, b);
        for (int i = 0; i < a.size(); i++)
            assertArrayEquals(SceneRenderer.renderPng(a.get(i), 128), SceneRenderer.renderPng(b.get(i), 128), "scene " + i);
    }

    @Test
    void differentSeedGivesDifferentScenes() {
        List<Scene> a = SyntheticWorld.generate(11, 8, 128);
        List<Scene> b = SyntheticWorld.generate(12, 8, 128);
        int differing = 0;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).objects().equals(b.get(i).objects())) differing++;
            assertFalse(Arrays.equals(SceneRenderer.renderPng(a.get(i), 64), SceneRenderer.renderPng(b.get(i), 64)), "scene " + i);
        }
        assertEquals(8, differing);
    }

    @Test
    void aShortRunIsAPrefixOfALongRun() {
        assertEquals(SyntheticWorld.generate(5, 10, 96), SyntheticWorld.generate(5, 40, 96).subList(0, 10));
    }

    @Test
    void objectsAreInsideDistinctAndNonOverlapping() {
        Set<Integer> counts = new HashSet<>();
        for (int size : new int[] {32, 128, 224}) {
            for (Scene s : SyntheticWorld.generate(3, 300, size)) {
                counts.add(s.count());
                assertTrue(s.count() >= 1 && s.count() <= 4);
                assertEquals(s.count(), s.objects().stream().map(SceneObject::kind).distinct().count(), "kinds distinct");
                assertEquals(s.count(), s.objects().stream().map(SceneObject::colour).distinct().count(), "colours distinct");
                for (SceneObject o : s.objects()) {
                    Box b = o.bbox();
                    assertTrue(b.x0() >= 0 && b.y0() >= 0 && b.x1() <= size && b.y1() <= size, "inside canvas: " + o);
                    assertTrue(b.contains(o.cx(), o.cy()));
                    assertEquals(o.size().radiusFraction() * size, o.radius(), 1e-9);
                    for (SceneObject p : s.objects()) if (p != o) assertFalse(b.intersects(p.bbox()), "overlap in scene " + s.id());
                }
            }
        }
        assertEquals(Set.of(1, 2, 3, 4), counts);
    }

    @Test
    void everyKindColourAndSizeOccurs() {
        List<Scene> scenes = SyntheticWorld.generate(9, 200, 128);
        Set<Object> seen = new HashSet<>();
        scenes.forEach(s -> s.objects().forEach(o -> {
            seen.add(o.kind());
            seen.add(o.colour());
            seen.add(o.size());
        }));
        assertEquals(ShapeKind.values().length + ShapeColour.values().length + ShapeSize.values().length, seen.size());
        assertTrue(ShapeKind.values().length >= 4 && ShapeColour.values().length >= 6);
    }

    @Test
    void singleObjectOptionGivesOneCentredObject() {
        for (Scene s : SyntheticWorld.generate(1, 100, 128, WorldOptions.singleObject())) {
            assertEquals(1, s.count());
            SceneObject o = s.objects().get(0);
            assertTrue(Math.abs(o.cx() - 64) <= 0.1 * 128 + 1e-9 && Math.abs(o.cy() - 64) <= 0.1 * 128 + 1e-9);
        }
        assertThrows(IllegalArgumentException.class, () -> new WorldOptions(0, 2, true));
        assertThrows(IllegalArgumentException.class, () -> new WorldOptions(1, 5, true));
    }

    @Test
    void scalingKeepsGeometryProportional() {
        Scene s = SyntheticWorld.generate(2, 1, 100).get(0);
        Scene big = s.scaledTo(300);
        assertEquals(300, big.canvas());
        for (int i = 0; i < s.count(); i++) {
            assertEquals(3 * s.objects().get(i).cx(), big.objects().get(i).cx(), 1e-9);
            assertEquals(3 * s.objects().get(i).bbox().x1(), big.objects().get(i).bbox().x1(), 1e-9);
        }
    }
}
