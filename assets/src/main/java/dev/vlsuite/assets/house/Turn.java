package dev.vlsuite.assets.house;

/** Which way a direction lies relative to where the agent faces (headings clockwise from +y, as R2R's). */
public enum Turn {
    FORWARD, LEFT, RIGHT, AROUND;

    /** Heading of the vector (vx, vy) in radians, clockwise from +y. */
    public static double heading(double vx, double vy) {
        return Math.atan2(vx, vy);
    }

    /** {@code target - facing} wrapped to (-pi, pi]: positive = clockwise = to the right. */
    public static double relative(double target, double facing) {
        double d = target - facing;
        while (d <= -Math.PI) d += 2 * Math.PI;
        while (d > Math.PI) d -= 2 * Math.PI;
        return d;
    }

    /** Four sectors of 90 degrees: ahead within 45 degrees, behind beyond 135. */
    public static Turn of(double relative) {
        double a = Math.abs(relative);
        if (a <= Math.PI / 4) return FORWARD;
        if (a > 3 * Math.PI / 4) return AROUND;
        return relative > 0 ? RIGHT : LEFT;
    }

    /** Straight on or a side: the next doorway of a square room is on the opposite wall (0) or a side wall (+-45 degrees). */
    public static Turn ofDoorway(double relative) {
        if (Math.abs(relative) < Math.PI / 8) return FORWARD;
        return relative > 0 ? RIGHT : LEFT;
    }
}
