package dev.vlsuite.assets.house;

/**
 * Casts rays through a house's grid plan: a ray crosses a wall only through a doorway and below the
 * doorway's top; otherwise it stops on that wall, the floor or the ceiling. Grid traversal (DDA) over the
 * square cells, so a cast costs a few steps whatever the house size.
 */
final class RayCaster {
    /** What a ray hits first. {@code t}: horizontal distance (m); {@code room}: whose wall, or where the floor/ceiling is. */
    record Hit(Surface surface, double t, int room, boolean wallAlongY) {}

    enum Surface { WALL, FLOOR, CEILING }

    private static final double EPS = 1e-7;
    private final House house;

    RayCaster(House house) {
        this.house = house;
    }

    /**
     * @param dx,dy unit horizontal direction
     * @param slope rise of the ray per metre of horizontal travel (0 = level); the eye is at camera height
     */
    Hit cast(double px, double py, double dx, double dy, double slope) {
        double c = House.CELL;
        int cx = (int) Math.floor((px + EPS * Math.signum(dx)) / c);
        int cy = (int) Math.floor((py + EPS * Math.signum(dy)) / c);
        if (house.roomAtCell(cx, cy) < 0) { // on a wall line and heading along it: take the cell the point lies in
            cx = (int) Math.floor((px - EPS * Math.signum(dx)) / c);
            cy = (int) Math.floor((py - EPS * Math.signum(dy)) / c);
        }
        int stepX = dx > 0 ? 1 : -1, stepY = dy > 0 ? 1 : -1;
        double tMaxX = dx == 0 ? Double.POSITIVE_INFINITY : ((dx > 0 ? (cx + 1) * c : cx * c) - px) / dx;
        double tMaxY = dy == 0 ? Double.POSITIVE_INFINITY : ((dy > 0 ? (cy + 1) * c : cy * c) - py) / dy;
        double tDeltaX = dx == 0 ? Double.POSITIVE_INFINITY : c / Math.abs(dx);
        double tDeltaY = dy == 0 ? Double.POSITIVE_INFINITY : c / Math.abs(dy);
        double tFloor = slope < 0 ? House.CAMERA_HEIGHT / -slope : Double.POSITIVE_INFINITY;
        double tCeil = slope > 0 ? (House.CEILING - House.CAMERA_HEIGHT) / slope : Double.POSITIVE_INFINITY;
        for (int guard = 0; guard < 4 * (house.gridW() + house.gridH()) + 4; guard++) {
            int room = house.roomAtCell(cx, cy);
            boolean alongY = tMaxX < tMaxY; // the next wall crossed runs along y (x = const)
            double t = Math.max(0, Math.min(tMaxX, tMaxY));
            if (tFloor <= t) return new Hit(Surface.FLOOR, tFloor, room, false);
            if (tCeil <= t) return new Hit(Surface.CEILING, tCeil, room, false);
            int nx = alongY ? cx + stepX : cx, ny = alongY ? cy : cy + stepY;
            Doorway door = house.doorwayBetweenCells(cx, cy, nx, ny);
            boolean through = false;
            if (door != null) {
                double along = alongY ? py + t * dy - door.y() : px + t * dx - door.x();
                double z = House.CAMERA_HEIGHT + slope * t;
                through = Math.abs(along) <= House.DOOR_WIDTH / 2 && z <= House.DOOR_HEIGHT;
            }
            if (!through) return new Hit(Surface.WALL, t, room, alongY);
            cx = nx;
            cy = ny;
            if (alongY) tMaxX += tDeltaX;
            else tMaxY += tDeltaY;
        }
        throw new IllegalStateException("ray left the house plan"); // walls enclose every cell: unreachable
    }

    /** Whether nothing but air lies between two points at camera height. */
    boolean sees(double ax, double ay, double bx, double by) {
        double d = Math.hypot(bx - ax, by - ay);
        if (d < 1e-9) return true;
        Hit h = cast(ax, ay, (bx - ax) / d, (by - ay) / d, 0);
        return h.t() >= d - 1e-6;
    }
}
