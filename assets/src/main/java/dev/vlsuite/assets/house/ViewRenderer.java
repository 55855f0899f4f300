package dev.vlsuite.assets.house;

import dev.vlsuite.assets.world.ShapeColour;
import java.awt.Color;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Renders the 36 views of a viewpoint as R2R's simulator frames them: view {@code ix = 12 * e + h}, heading
 * {@code 30 h} degrees clockwise from +y (north), elevation {@code -30, 0, +30} degrees for e = 0, 1, 2, a
 * 60 degree square field of view. One ray per pixel through the grid plan ({@link RayCaster}): walls take
 * their room's colour (walls along y a little darker, for depth), the floor and ceiling are grey, doorways
 * show the next room, and every object is an upright cut-out of its shape facing the camera, standing on the
 * floor, in its colour. Pure arithmetic, no anti-aliasing: the same house gives the same pixels everywhere.
 */
public final class ViewRenderer {
    public static final int HEADINGS = 12;
    public static final int ELEVATIONS = 3;
    public static final int VIEWS = HEADINGS * ELEVATIONS;
    public static final double FOV_DEGREES = 60;
    public static final Color FLOOR = new Color(112, 96, 82);
    public static final Color CEILING_RGB = new Color(176, 176, 184);
    /** Walls along y (facing east/west) get this fraction of the brightness of walls along x. */
    public static final double SIDE_SHADE = 0.8;

    private ViewRenderer() {}

    /** Heading of view ix in radians (clockwise from +y). */
    public static double heading(int ix) {
        return Math.toRadians(30.0 * (ix % HEADINGS));
    }

    /** Elevation of view ix in radians (up positive). */
    public static double elevation(int ix) {
        return Math.toRadians(30.0 * (ix / HEADINGS - 1));
    }

    /** A wall's colour: the room colour softened towards grey, so the saturated objects stand out against it. */
    public static Color wallColour(ShapeColour c, boolean wallAlongY) {
        Color base = c.rgb();
        double s = wallAlongY ? SIDE_SHADE : 1.0;
        return new Color(mix(base.getRed(), s), mix(base.getGreen(), s), mix(base.getBlue(), s));
    }

    private static int mix(int v, double shade) {
        return (int) Math.round((0.75 * v + 0.25 * 128) * shade);
    }

    /** All 36 views of a viewpoint, in index order. */
    public static BufferedImage[] renderAll(House house, Viewpoint vp, int size) {
        BufferedImage[] out = new BufferedImage[VIEWS];
        for (int ix = 0; ix < VIEWS; ix++) out[ix] = render(house, vp, ix, size);
        return out;
    }

    public static BufferedImage render(House house, Viewpoint vp, int ix, int size) {
        return render(house, vp.x(), vp.y(), heading(ix), elevation(ix), size);
    }

    /** A size x size view from (x, y) at camera height, looking along heading/elevation (radians). */
    public static BufferedImage render(House house, double x, double y, double heading, double elevation, int size) {
        if (size < 8) throw new IllegalArgumentException("view size must be >= 8 pixels: " + size);
        RayCaster caster = new RayCaster(house);
        Cutout[] cutouts = cutouts(house.objects(), x, y, heading);
        double sh = Math.sin(heading), ch = Math.cos(heading), se = Math.sin(elevation), ce = Math.cos(elevation);
        double[] fwd = {sh * ce, ch * ce, se};
        double[] right = {ch, -sh, 0};
        double[] up = {-sh * se, -ch * se, ce};
        double focal = (size / 2.0) / Math.tan(Math.toRadians(FOV_DEGREES / 2));
        int[] px = new int[size * size];
        for (int row = 0; row < size; row++) {
            double v = (size / 2.0 - row - 0.5) / focal;
            for (int col = 0; col < size; col++) {
                double u = (col + 0.5 - size / 2.0) / focal;
                double dx = fwd[0] + u * right[0] + v * up[0];
                double dy = fwd[1] + u * right[1] + v * up[1];
                double dz = fwd[2] + u * right[2] + v * up[2];
                double horiz = Math.hypot(dx, dy);
                px[row * size + col] = shade(house, caster, cutouts, x, y, dx / horiz, dy / horiz, dz / horiz);
            }
        }
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, size, size, px, 0, size);
        return img;
    }

    /** The colour seen along one ray: unit horizontal direction (hx, hy), rising {@code slope} per metre. */
    private static int shade(House house, RayCaster caster, Cutout[] cutouts, double x, double y, double hx, double hy, double slope) {
        RayCaster.Hit hit = caster.cast(x, y, hx, hy, slope);
        double nearest = hit.t();
        int rgb = switch (hit.surface()) {
            case FLOOR -> FLOOR.getRGB();
            case CEILING -> CEILING_RGB.getRGB();
            case WALL -> wallColour(house.rooms().get(hit.room()).colour(), hit.wallAlongY()).getRGB();
        };
        for (Cutout c : cutouts) {
            double cos = hx * c.nx + hy * c.ny; // the cut-out's plane faces the eye: distance along the ray to it
            if (cos <= 1e-6) continue;
            double t = c.dist / cos;
            if (t >= nearest) continue;
            double lateral = t * (hx * c.ny - hy * c.nx); // signed offset along the plane
            double z = House.CAMERA_HEIGHT + slope * t;
            double r = c.object.radius();
            if (Math.abs(lateral) > r || z < 0 || z > 2 * r) continue;
            if (!c.outline.contains(lateral, r - z)) continue; // outline is in canvas axes: y grows downwards
            nearest = t;
            rgb = c.object.colour().rgb().getRGB();
        }
        return rgb & 0xFFFFFF;
    }

    private record Cutout(HouseObject object, double dist, double nx, double ny, Shape outline) {}

    /**
     * The objects that can show in a view facing {@code heading}: no pixel ray of a 60 degree view at +-30 degrees
     * elevation points more than 45 degrees sideways, so anything further round (plus its own angular half-width
     * and a margin) is culled before the per-pixel loop.
     */
    private static Cutout[] cutouts(List<HouseObject> objects, double x, double y, double heading) {
        return objects.stream().map(o -> {
            double ox = o.x() - x, oy = o.y() - y, d = Math.hypot(ox, oy);
            if (d < 1e-6) return null;
            double halfWidth = d > o.radius() ? Math.asin(o.radius() / d) : Math.PI;
            if (Math.abs(Turn.relative(Turn.heading(ox, oy), heading)) > Math.toRadians(50) + halfWidth) return null;
            return new Cutout(o, d, ox / d, oy / d, o.kind().shape().outline(0, 0, o.radius()));
        }).filter(java.util.Objects::nonNull).toArray(Cutout[]::new);
    }
}
