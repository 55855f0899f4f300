package dev.vlsuite.assets.house;

/**
 * A panorama position at (x, y) metres, camera {@link House#CAMERA_HEIGHT} above the floor.
 * {@code doorway} is the index of the doorway it stands in, or -1 inside a room; {@code room} is its room
 * (for a doorway viewpoint: the doorway's {@code roomA}). Excluded viewpoints ({@code included == false})
 * overlap others, as Matterport's do: they keep their graph flags but no simulator or metric may use them.
 */
public record Viewpoint(int index, String id, int room, double x, double y, int doorway, boolean included) {
    public boolean inDoorway() {
        return doorway >= 0;
    }

    public double distance(Viewpoint o) {
        return Math.hypot(x - o.x, y - o.y);
    }
}
