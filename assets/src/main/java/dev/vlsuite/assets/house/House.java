package dev.vlsuite.assets.house;

import java.util.List;

/**
 * A synthetic house: square rooms on a grid plan, doorways between some adjacent rooms, viewpoints with
 * their sight lines and navigable links. Units are metres; the floor is z = 0, x east, y north.
 * {@code visible[i][j]}: nothing but air between viewpoints i and j at camera height;
 * {@code unobstructed[i][j]}: visible and at most {@link #MAX_EDGE} apart (a navigable link, symmetric).
 */
public final class House {
    public static final double CELL = 5.0;
    public static final double CAMERA_HEIGHT = 1.5;
    public static final double CEILING = 2.6;
    public static final double DOOR_WIDTH = 1.0;
    public static final double DOOR_HEIGHT = 2.1;
    /** The longest navigable link: R2R's edges are mostly 1-3 m (median 2.06 m in the real graphs). */
    public static final double MAX_EDGE = 3.0;

    private final String scan;
    private final long seed;
    private final int gridW, gridH;
    private final int[][] cellRoom; // [cx][cy] -> room index or -1
    private final Doorway[][] eastDoor, northDoor; // [cx][cy] -> doorway to cell (cx+1, cy) / (cx, cy+1), or null
    private final List<Room> rooms;
    private final List<Doorway> doorways;
    private final List<Viewpoint> viewpoints;
    private final boolean[][] visible, unobstructed;

    House(String scan, long seed, int gridW, int gridH, List<Room> rooms, List<Doorway> doorways, List<Viewpoint> viewpoints) {
        this.scan = scan;
        this.seed = seed;
        this.gridW = gridW;
        this.gridH = gridH;
        this.rooms = List.copyOf(rooms);
        this.doorways = List.copyOf(doorways);
        this.viewpoints = List.copyOf(viewpoints);
        cellRoom = new int[gridW][gridH];
        for (int[] col : cellRoom) java.util.Arrays.fill(col, -1);
        for (Room r : rooms) cellRoom[r.cellX()][r.cellY()] = r.index();
        eastDoor = new Doorway[gridW][gridH];
        northDoor = new Doorway[gridW][gridH];
        for (Doorway d : doorways) {
            Room a = rooms.get(d.roomA()), b = rooms.get(d.roomB());
            int cx = Math.min(a.cellX(), b.cellX()), cy = Math.min(a.cellY(), b.cellY());
            if (a.cellX() != b.cellX()) eastDoor[cx][cy] = d;
            else northDoor[cx][cy] = d;
        }
        int n = viewpoints.size();
        visible = new boolean[n][n];
        unobstructed = new boolean[n][n];
        RayCaster caster = new RayCaster(this);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Viewpoint a = viewpoints.get(i), b = viewpoints.get(j);
                boolean sees = caster.sees(a.x(), a.y(), b.x(), b.y());
                visible[i][j] = visible[j][i] = sees;
                unobstructed[i][j] = unobstructed[j][i] = sees && a.distance(b) <= MAX_EDGE;
            }
        }
    }

    public String scan() {
        return scan;
    }

    public long seed() {
        return seed;
    }

    public int gridW() {
        return gridW;
    }

    public int gridH() {
        return gridH;
    }

    public List<Room> rooms() {
        return rooms;
    }

    public List<Doorway> doorways() {
        return doorways;
    }

    public List<Viewpoint> viewpoints() {
        return viewpoints;
    }

    public boolean visible(int i, int j) {
        return visible[i][j];
    }

    public boolean unobstructed(int i, int j) {
        return unobstructed[i][j];
    }

    /** The room of grid cell (cx, cy), or -1 outside the house. */
    public int roomAtCell(int cx, int cy) {
        if (cx < 0 || cy < 0 || cx >= gridW || cy >= gridH) return -1;
        return cellRoom[cx][cy];
    }

    /** The doorway in the wall between edge-adjacent cells (cx, cy) and (nx, ny), or null when that wall is solid. */
    Doorway doorwayBetweenCells(int cx, int cy, int nx, int ny) {
        if (roomAtCell(cx, cy) < 0 || roomAtCell(nx, ny) < 0) return null;
        return nx != cx ? eastDoor[Math.min(cx, nx)][cy] : northDoor[cx][Math.min(cy, ny)];
    }

    /** The doorway between two rooms, or null when they share no doorway. */
    public Doorway doorwayBetween(int roomA, int roomB) {
        for (Doorway d : doorways)
            if ((d.roomA() == roomA && d.roomB() == roomB) || (d.roomA() == roomB && d.roomB() == roomA)) return d;
        return null;
    }

    public Viewpoint viewpoint(String id) {
        for (Viewpoint v : viewpoints) if (v.id().equals(id)) return v;
        throw new IllegalArgumentException(scan + ": no viewpoint " + id);
    }

    /** Every object of every room. */
    public List<HouseObject> objects() {
        return rooms.stream().flatMap(r -> r.objects().stream()).toList();
    }
}
