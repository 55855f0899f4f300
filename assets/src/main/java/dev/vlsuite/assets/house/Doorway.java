package dev.vlsuite.assets.house;

/**
 * An opening of {@link House#DOOR_WIDTH} x {@link House#DOOR_HEIGHT} metres centred at (x, y) in the wall
 * between rooms {@code roomA < roomB}. {@code vertical}: the wall runs along y (rooms side by side in x).
 */
public record Doorway(int roomA, int roomB, double x, double y, boolean vertical) {
    public int other(int room) {
        if (room == roomA) return roomB;
        if (room == roomB) return roomA;
        throw new IllegalArgumentException("room " + room + " is not on doorway " + roomA + "-" + roomB);
    }
}
