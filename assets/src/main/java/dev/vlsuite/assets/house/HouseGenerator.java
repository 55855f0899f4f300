package dev.vlsuite.assets.house;

import dev.vlsuite.assets.world.ShapeColour;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes house {@code index} of a seed: 4-10 square rooms grown cell by cell on a 4 x 4 grid, doorways on a
 * random spanning tree of the adjacent rooms plus about a quarter of the other adjacencies (so some routes
 * have two ways round), four viewpoints per room (one per quadrant, jittered), one in the middle of every
 * doorway, and 1-2 excluded viewpoints at the centre of rooms: overlapping positions as Matterport excludes
 * them, placed only where they would shorten some route, so a reader that ignores {@code included} gets
 * other shortest paths. House {@code i} of seed {@code s} does not
 * depend on how many houses are made.
 */
public final class HouseGenerator {
    /** Rooms per house. */
    public record Options(int minRooms, int maxRooms) {
        public static final Options DEFAULT = new Options(4, 10);

        public Options {
            if (minRooms < 2 || maxRooms > GRID * GRID || minRooms > maxRooms)
                throw new IllegalArgumentException("rooms per house must satisfy 2 <= min <= max <= " + GRID * GRID + ": " + minRooms + "-" + maxRooms);
        }
    }

    static final int GRID = 4;
    /** Jitter of the quadrant viewpoints around (1.5, 1.5) m from their corner: links stay 1.5-3 m long. */
    static final double JITTER = 0.2;
    /** Objects stand this far from both walls of their corner, next to the quadrant's viewpoint. */
    static final double OBJECT_INSET = 0.7;
    static final double OBJECT_RADIUS = 0.35;
    private static final double EXTRA_DOOR = 0.25;

    private HouseGenerator() {}

    public static List<House> generate(long seed, int count, Options options) {
        List<House> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(house(seed, i, options));
        return out;
    }

    public static String scanId(int index) {
        return String.format("house%04d", index);
    }

    /** The seed of house {@code index}: a mix of both, so neighbouring seeds give unrelated houses. */
    static long houseSeed(long seed, int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index).nextLong();
    }

    public static House house(long seed, int index, Options options) {
        long hs = houseSeed(seed, index);
        SplittableRandom rng = new SplittableRandom(hs);
        int n = options.minRooms() + rng.nextInt(options.maxRooms() - options.minRooms() + 1);
        List<int[]> cells = growCells(rng, n);
        int gridW = 0, gridH = 0;
        for (int[] c : cells) {
            gridW = Math.max(gridW, c[0] + 1);
            gridH = Math.max(gridH, c[1] + 1);
        }
        List<int[]> adjacent = new ArrayList<>(); // pairs of room indices whose cells share a wall
        for (int a = 0; a < n; a++)
            for (int b = a + 1; b < n; b++)
                if (Math.abs(cells.get(a)[0] - cells.get(b)[0]) + Math.abs(cells.get(a)[1] - cells.get(b)[1]) == 1) adjacent.add(new int[] {a, b});
        List<int[]> doorPairs = chooseDoors(rng, n, adjacent);
        List<Doorway> doorways = new ArrayList<>();
        for (int[] p : doorPairs) {
            int[] ca = cells.get(p[0]), cb = cells.get(p[1]);
            boolean vertical = ca[1] == cb[1];
            double x = vertical ? Math.max(ca[0], cb[0]) * House.CELL : (ca[0] + 0.5) * House.CELL;
            double y = vertical ? (ca[1] + 0.5) * House.CELL : Math.max(ca[1], cb[1]) * House.CELL;
            doorways.add(new Doorway(p[0], p[1], x, y, vertical));
        }
        List<RoomType> types = new ArrayList<>(roomTypes(rng, n));
        ShapeColour[] colours = wallColours(rng, cells, adjacent, types);
        List<Room> rooms = new ArrayList<>();
        Set<String> objectNames = new HashSet<>();
        for (int r = 0; r < n; r++) {
            Room shell = new Room(r, types.get(r), colours[r], cells.get(r)[0], cells.get(r)[1], House.CELL, List.of());
            rooms.add(new Room(r, shell.type(), shell.colour(), shell.cellX(), shell.cellY(), House.CELL, objects(rng, shell, objectNames)));
        }
        SplittableRandom ids = rng.split();
        List<Viewpoint> vps = new ArrayList<>();
        for (Room room : rooms) {
            for (int q = 0; q < 4; q++) {
                double[] p = quadrantCentre(room, q);
                vps.add(new Viewpoint(vps.size(), viewpointId(ids), room.index(),
                        round(p[0] + jitter(rng)), round(p[1] + jitter(rng)), -1, true));
            }
        }
        for (int d = 0; d < doorways.size(); d++) {
            Doorway door = doorways.get(d);
            vps.add(new Viewpoint(vps.size(), viewpointId(ids), door.roomA(), door.x(), door.y(), d, true));
        }
        House base = new House(scanId(index), hs, gridW, gridH, rooms, doorways, vps);
        List<double[]> centres = new ArrayList<>();
        for (Room room : rooms) {
            double[] c = {round(room.x0() + House.CELL / 2 + jitter(rng) / 2), round(room.y0() + House.CELL / 2 + jitter(rng) / 2), room.index()};
            if (shortens(base, room, c)) centres.add(c);
        }
        shuffle(rng, centres);
        int excluded = Math.min(centres.size(), 1 + rng.nextInt(2));
        for (int k = 0; k < excluded; k++) {
            double[] c = centres.get(k);
            vps.add(new Viewpoint(vps.size(), viewpointId(ids), (int) c[2], c[0], c[1], -1, false));
        }
        return new House(scanId(index), hs, gridW, gridH, rooms, doorways, vps);
    }

    /**
     * Whether a viewpoint at {@code c} in the room's middle would shorten a route between two viewpoints it
     * links to (the room's own and its doorways' within {@link House#MAX_EDGE}): only then does excluding it
     * change the official graph's distances.
     */
    private static boolean shortens(House base, Room room, double[] c) {
        List<Viewpoint> near = new ArrayList<>();
        for (Viewpoint v : base.viewpoints()) {
            boolean mine = v.inDoorway() ? base.doorways().get(v.doorway()).roomA() == room.index()
                    || base.doorways().get(v.doorway()).roomB() == room.index() : v.room() == room.index();
            if (mine && Math.hypot(v.x() - c[0], v.y() - c[1]) <= House.MAX_EDGE) near.add(v);
        }
        NavigationGraph graph = NavigationGraph.of(base);
        for (Viewpoint a : near) {
            double[] dist = graph.shortestFrom(a.index()).dist();
            double viaA = Math.hypot(a.x() - c[0], a.y() - c[1]);
            for (Viewpoint b : near)
                if (viaA + Math.hypot(b.x() - c[0], b.y() - c[1]) < dist[b.index()] - 1e-6) return true;
        }
        return false;
    }

    /** Centre of quadrant q (0 = south-west, 1 = south-east, 2 = north-west, 3 = north-east) of the room's viewpoints. */
    static double[] quadrantCentre(Room room, int q) {
        double off = 1.5;
        double x = (q % 2 == 0) ? room.x0() + off : room.x0() + House.CELL - off;
        double y = (q < 2) ? room.y0() + off : room.y0() + House.CELL - off;
        return new double[] {x, y};
    }

    private static List<int[]> growCells(SplittableRandom rng, int n) {
        List<int[]> cells = new ArrayList<>();
        boolean[][] used = new boolean[GRID][GRID];
        int sx = rng.nextInt(GRID), sy = rng.nextInt(GRID);
        cells.add(new int[] {sx, sy});
        used[sx][sy] = true;
        int[][] dirs = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        while (cells.size() < n) {
            int[] from = cells.get(rng.nextInt(cells.size()));
            int[] d = dirs[rng.nextInt(4)];
            int x = from[0] + d[0], y = from[1] + d[1];
            if (x < 0 || y < 0 || x >= GRID || y >= GRID || used[x][y]) continue;
            used[x][y] = true;
            cells.add(new int[] {x, y});
        }
        int minX = GRID, minY = GRID;
        for (int[] c : cells) {
            minX = Math.min(minX, c[0]);
            minY = Math.min(minY, c[1]);
        }
        for (int[] c : cells) {
            c[0] -= minX;
            c[1] -= minY;
        }
        return cells;
    }

    /** A random spanning tree (Kruskal over shuffled pairs), then each remaining pair with probability 1/4. */
    private static List<int[]> chooseDoors(SplittableRandom rng, int n, List<int[]> adjacent) {
        List<int[]> shuffled = new ArrayList<>(adjacent);
        shuffle(rng, shuffled);
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        List<int[]> doors = new ArrayList<>();
        for (int[] p : shuffled) {
            int a = find(parent, p[0]), b = find(parent, p[1]);
            if (a != b) {
                parent[a] = b;
                doors.add(p);
            } else if (rng.nextDouble() < EXTRA_DOOR) {
                doors.add(p);
            }
        }
        doors.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        return doors;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    /** The first seven rooms get seven different types; bigger houses repeat bedrooms, bathrooms and hallways. */
    private static List<RoomType> roomTypes(SplittableRandom rng, int n) {
        List<RoomType> all = new ArrayList<>(Arrays.asList(RoomType.values()));
        shuffle(rng, all);
        RoomType[] extra = {RoomType.BEDROOM, RoomType.BATHROOM, RoomType.HALLWAY};
        List<RoomType> out = new ArrayList<>();
        for (int r = 0; r < n; r++) out.add(r < all.size() ? all.get(r) : extra[rng.nextInt(extra.length)]);
        return out;
    }

    /**
     * Neighbouring rooms differ in colour (a doorway shows a new colour) and no two rooms share type and colour.
     * When a room's type has no colour left (its neighbours and the other rooms of its type use all seven), it
     * takes the first type that has one: its at most four neighbours leave three colours, and seven types
     * cannot all have used those three in a house of at most 16 rooms.
     */
    private static ShapeColour[] wallColours(SplittableRandom rng, List<int[]> cells, List<int[]> adjacent, List<RoomType> types) {
        int n = cells.size();
        ShapeColour[] colours = new ShapeColour[n];
        for (int r = 0; r < n; r++) {
            List<ShapeColour> options = colourOptions(r, types.get(r), colours, adjacent, types);
            for (int t = 0; options.isEmpty() && t < RoomType.values().length; t++) {
                types.set(r, RoomType.values()[t]);
                options = colourOptions(r, types.get(r), colours, adjacent, types);
            }
            colours[r] = options.get(rng.nextInt(options.size()));
        }
        return colours;
    }

    private static List<ShapeColour> colourOptions(int r, RoomType type, ShapeColour[] colours, List<int[]> adjacent, List<RoomType> types) {
        List<ShapeColour> options = new ArrayList<>();
        for (ShapeColour c : ShapeColour.values()) {
            boolean ok = true;
            for (int[] p : adjacent) {
                int other = p[0] == r ? p[1] : p[1] == r ? p[0] : -1;
                if (other >= 0 && other < r && colours[other] == c) ok = false;
            }
            for (int o = 0; o < r; o++) if (types.get(o) == type && colours[o] == c) ok = false;
            if (ok) options.add(c);
        }
        return options;
    }

    /**
     * 1-3 objects in distinct corners; not the room's wall colour, and no (kind, colour) twice in the house (drawn
     * from the pairs still free, so a 16-room house with 36 free pairs per room cannot run out before the last rooms,
     * which then get fewer objects).
     */
    private static List<HouseObject> objects(SplittableRandom rng, Room room, Set<String> taken) {
        int count = 1 + rng.nextInt(3);
        List<Integer> corners = new ArrayList<>(List.of(0, 1, 2, 3));
        shuffle(rng, corners);
        List<HouseObject> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            List<HouseObject> free = new ArrayList<>();
            int q = corners.get(k);
            double x = (q % 2 == 0) ? room.x0() + OBJECT_INSET : room.x0() + House.CELL - OBJECT_INSET;
            double y = (q < 2) ? room.y0() + OBJECT_INSET : room.y0() + House.CELL - OBJECT_INSET;
            for (Furniture f : Furniture.values())
                for (ShapeColour c : ShapeColour.values()) {
                    HouseObject o = new HouseObject(f, c, x, y, OBJECT_RADIUS);
                    if (c != room.colour() && !taken.contains(o.name())) free.add(o);
                }
            if (free.isEmpty()) break;
            HouseObject pick = free.get(rng.nextInt(free.size()));
            HouseObject o = new HouseObject(pick.kind(), pick.colour(), round(x + jitter(rng) / 2), round(y + jitter(rng) / 2), OBJECT_RADIUS);
            taken.add(o.name());
            out.add(o);
        }
        return out;
    }

    /** Positions are kept to 0.1 mm, so the JSON files hold exactly the numbers every distance was computed from. */
    static double round(double metres) {
        return Math.round(metres * 1e4) / 1e4;
    }

    private static double jitter(SplittableRandom rng) {
        return (rng.nextDouble() * 2 - 1) * JITTER;
    }

    /** 32 lower-case hex characters, as Matterport's viewpoint ids. */
    private static String viewpointId(SplittableRandom ids) {
        return String.format("%016x%016x", ids.nextLong(), ids.nextLong());
    }

    static <T> void shuffle(SplittableRandom rng, List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
