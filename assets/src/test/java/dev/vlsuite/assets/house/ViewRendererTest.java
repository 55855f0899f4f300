package dev.vlsuite.assets.house;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The views show what lies in their direction: doorways open on the next room's colour, objects where they stand. */
class ViewRendererTest {
    private static final int SIZE = 48;
    private final List<House> houses = HouseGenerator.generate(21, 3, HouseGenerator.Options.DEFAULT);

    /** The view index at elevation e nearest to a bearing (radians, clockwise from +y). */
    private static int facing(double bearing, int e) {
        int h = (int) Math.round(Math.toDegrees(bearing) / 30.0);
        return 12 * e + Math.floorMod(h, 12);
    }

    private static int count(BufferedImage img, int... rgbs) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y) & 0xFFFFFF;
                for (int c : rgbs) if (p == c) n++;
            }
        return n;
    }

    private static int[] wall(Room r) {
        return new int[] {ViewRenderer.wallColour(r.colour(), false).getRGB() & 0xFFFFFF, ViewRenderer.wallColour(r.colour(), true).getRGB() & 0xFFFFFF};
    }

    @Test
    void theViewFacingADoorwayShowsTheNextRoomAndTheOppositeViewDoesNot() {
        int checked = 0;
        for (House h : houses) {
            for (Viewpoint v : h.viewpoints()) {
                if (v.inDoorway() || !v.included()) continue;
                for (Doorway d : h.doorways()) {
                    if (d.roomA() != v.room() && d.roomB() != v.room()) continue;
                    if (Math.hypot(d.x() - v.x(), d.y() - v.y()) > 2.2) continue; // the doorway of this viewpoint's quadrant
                    Room next = h.rooms().get(d.other(v.room()));
                    double bearing = Turn.heading(d.x() - v.x(), d.y() - v.y());
                    int[] colour = wall(next);
                    int toward = count(ViewRenderer.render(h, v, facing(bearing, 1), SIZE), colour);
                    int away = count(ViewRenderer.render(h, v, facing(bearing + Math.PI, 1), SIZE), colour);
                    assertTrue(toward > SIZE * SIZE / 50, h.scan() + " " + v.id() + ": the " + next.name() + " through the doorway: " + toward + " px");
                    assertTrue(toward > 3 * away, h.scan() + " " + v.id() + ": facing " + toward + " px vs away " + away + " px");
                    checked++;
                }
            }
        }
        assertTrue(checked > 20, "checked " + checked);
    }

    @Test
    void anObjectShowsInTheViewFacingIt() {
        int checked = 0;
        for (House h : houses) {
            for (Viewpoint v : h.viewpoints()) {
                HouseObject o = Route.goalObject(h, v);
                if (o == null) continue;
                double bearing = Turn.heading(o.x() - v.x(), o.y() - v.y());
                int rgb = o.colour().rgb().getRGB() & 0xFFFFFF;
                BufferedImage toward = ViewRenderer.render(h, v, facing(bearing, 0), SIZE); // looking down 30 degrees: it stands on the floor
                int away = count(ViewRenderer.render(h, v, facing(bearing + Math.PI, 0), SIZE), rgb);
                int seen = count(toward, rgb);
                assertTrue(seen > SIZE * SIZE / 40, h.scan() + " " + o.name() + ": " + seen + " px");
                assertTrue(seen > 3 * away, o.name() + ": facing " + seen + " px vs away " + away);
                checked++;
            }
        }
        assertTrue(checked > 10, "checked " + checked);
    }

    @Test
    void elevationTradesFloorForCeiling() {
        House h = houses.get(0);
        int floor = ViewRenderer.FLOOR.getRGB() & 0xFFFFFF, ceiling = ViewRenderer.CEILING_RGB.getRGB() & 0xFFFFFF;
        for (Viewpoint v : h.viewpoints().subList(0, 6)) {
            int[] f = new int[3], c = new int[3];
            for (int ix = 0; ix < ViewRenderer.VIEWS; ix++) {
                BufferedImage img = ViewRenderer.render(h, v, ix, 32);
                f[ix / 12] += count(img, floor);
                c[ix / 12] += count(img, ceiling);
            }
            assertTrue(f[0] > f[1] && f[1] > f[2], "floor pixels shrink as the camera looks up: " + java.util.Arrays.toString(f));
            assertTrue(c[2] > c[1] && c[1] > c[0], "ceiling pixels grow as the camera looks up: " + java.util.Arrays.toString(c));
        }
    }

    @Test
    void viewIndicesFollowMatterport() {
        assertEquals(0, ViewRenderer.heading(12), 1e-12);
        assertEquals(Math.toRadians(330), ViewRenderer.heading(35), 1e-12);
        assertEquals(Math.toRadians(-30), ViewRenderer.elevation(5), 1e-12);
        assertEquals(0, ViewRenderer.elevation(17), 1e-12);
        assertEquals(Math.toRadians(30), ViewRenderer.elevation(24), 1e-12);
        // heading 90 degrees looks east (+x): a doorway due east of a viewpoint shows in view 12 + 3
        assertEquals(15, facing(Turn.heading(1, 0), 1));
        assertEquals(12 + 6, facing(Turn.heading(0, -1), 1));
    }
}
