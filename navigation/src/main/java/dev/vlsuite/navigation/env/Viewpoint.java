package dev.vlsuite.navigation.env;

/** A viewpoint of a scan: its 32-hex id and the camera position (metres, world z-up) from its pose. */
public record Viewpoint(String id, double x, double y, double z) {
    /** 3-D Euclidean distance, as the official graph weights (float64, z included). */
    public double distanceTo(Viewpoint o) {
        double dx = x - o.x, dy = y - o.y, dz = z - o.z;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
