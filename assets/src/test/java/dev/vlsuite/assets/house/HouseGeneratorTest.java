package dev.vlsuite.assets.house;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plan's invariants over many houses, up to the 16 rooms a 4 x 4 grid holds. */
class HouseGeneratorTest {
    @Test
    void roomsAndObjectsCanBeNamedUniquelyInEveryHouse() {
        for (HouseGenerator.Options options : new HouseGenerator.Options[] {HouseGenerator.Options.DEFAULT, new HouseGenerator.Options(12, 16)}) {
            for (int i = 0; i < 150; i++) {
                House h = HouseGenerator.house(99, i, options);
                int rooms = h.rooms().size();
                assertTrue(rooms >= options.minRooms() && rooms <= options.maxRooms());
                Set<String> roomNames = new HashSet<>(), objectNames = new HashSet<>();
                for (Room r : h.rooms()) {
                    assertTrue(roomNames.add(r.name()), h.scan() + ": two rooms called " + r.name());
                    if (rooms <= 10) assertTrue(r.objects().size() >= 1 && r.objects().size() <= 3, h.scan() + " " + r.name());
                    for (HouseObject o : r.objects()) {
                        assertTrue(objectNames.add(o.name()), h.scan() + ": two objects called " + o.name());
                        assertNotEquals(r.colour(), o.colour());
                    }
                    for (Room s : h.rooms())
                        if (Math.abs(r.cellX() - s.cellX()) + Math.abs(r.cellY() - s.cellY()) == 1)
                            assertNotEquals(r.colour(), s.colour(), h.scan() + ": neighbours " + r.name() + " and " + s.name());
                }
                int doorways = 0;
                for (Viewpoint v : h.viewpoints()) if (v.inDoorway()) doorways++;
                assertEquals(h.doorways().size(), doorways, "one viewpoint per doorway");
                assertTrue(h.doorways().size() >= rooms - 1, "a spanning tree of doorways at least");
            }
        }
    }
}
