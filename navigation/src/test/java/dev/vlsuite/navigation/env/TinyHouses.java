package dev.vlsuite.navigation.env;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Test fixtures in the synthetic-house layout (connectivity/<scan>_connectivity.json, R2R_<split>.json): random
 * grids of viewpoints with the quirks of the real files (excluded viewpoints still flagged unobstructed, an included
 * viewpoint without any navigable edge, z varying), so the readers are tested on what real data does.
 */
public final class TinyHouses {
    private TinyHouses() {}

    /** A written scan: its viewpoint ids in file order, positions, flags. */
    public record Scan(String id, List<String> ids, double[][] xyz, boolean[] included, boolean[][] unobstructed) {}

    public static String hexId(Random r) {
        byte[] b = new byte[16];
        r.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * A rows x cols grid, 2 m apart with jitter, neighbours linked with probability 0.85 (kept connected by a
     * spanning snake), plus one excluded viewpoint flagged to its neighbours and one isolated included viewpoint.
     */
    public static Scan randomScan(String scanId, int rows, int cols, Random r) {
        int grid = rows * cols, n = grid + 2;
        List<String> ids = new ArrayList<>();
        double[][] xyz = new double[n][3];
        boolean[] included = new boolean[n];
        boolean[][] un = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            ids.add(hexId(r));
            included[i] = true;
        }
        for (int i = 0; i < grid; i++) {
            xyz[i][0] = (i % cols) * 2.0 + r.nextDouble() * 0.6 - 0.3;
            xyz[i][1] = (i / cols) * 2.0 + r.nextDouble() * 0.6 - 0.3;
            xyz[i][2] = 1.5 + r.nextDouble() * 0.2;
        }
        for (int i = 0; i < grid; i++) {
            int row = i / cols, col = i % cols;
            if (col + 1 < cols && (row % 2 == 0 || r.nextDouble() < 0.85)) link(un, i, i + 1);
            if (row + 1 < rows && ((col == (row % 2 == 0 ? cols - 1 : 0)) || r.nextDouble() < 0.85)) link(un, i, i + cols);
            if (col + 1 < cols && row + 1 < rows && r.nextDouble() < 0.2) link(un, i, i + cols + 1);
        }
        // rows alternate direction: the snake keeps everything connected
        for (int row = 0; row < rows; row++) for (int col = 0; col + 1 < cols; col++) link(un, row * cols + col, row * cols + col + 1);
        int excluded = grid, isolated = grid + 1;
        included[excluded] = false;
        xyz[excluded] = new double[] {1.0, 1.0, 1.5};
        link(un, excluded, 0);
        link(un, excluded, 1);
        xyz[isolated] = new double[] {-5, -5, 1.5};
        link(un, isolated, excluded);   // its only link is to an excluded viewpoint: not in the graph
        return new Scan(scanId, ids, xyz, included, un);
    }

    private static void link(boolean[][] un, int a, int b) {
        un[a][b] = true;
        un[b][a] = true;
    }

    public static Path writeConnectivity(Path dir, Scan s) throws IOException {
        Files.createDirectories(dir);
        ArrayNode list = Json.MAPPER.createArrayNode();
        int n = s.ids().size();
        for (int i = 0; i < n; i++) {
            ObjectNode o = list.addObject();
            o.put("image_id", s.ids().get(i));
            ArrayNode pose = o.putArray("pose");
            double[] p = s.xyz()[i];
            double[] m = {0.7, 0, -0.7, p[0], 0.7, 0, 0.7, p[1], 0, -1, 0, p[2]};
            for (double v : m) pose.add(v);
            pose.add(0).add(0).add(0).add(1);
            o.put("included", s.included()[i]);
            ArrayNode vis = o.putArray("visible");
            ArrayNode un = o.putArray("unobstructed");
            for (int j = 0; j < n; j++) {
                vis.add(s.unobstructed()[i][j]);
                un.add(s.unobstructed()[i][j]);
            }
            o.put("height", 1.5);
        }
        Path f = dir.resolve(s.id() + "_connectivity.json");
        Json.MAPPER.writeValue(f.toFile(), list);
        return f;
    }

    /** Episodes on shortest paths of the scan's graph (3 instructions each). */
    public static List<Episode> episodes(NavGraph g, int count, int firstPathId, Random r) {
        List<String> nodes = g.viewpoints().stream().map(Viewpoint::id).toList();
        List<Episode> out = new ArrayList<>();
        while (out.size() < count) {
            String a = nodes.get(r.nextInt(nodes.size())), b = nodes.get(r.nextInt(nodes.size()));
            if (a.equals(b)) continue;
            List<String> path = g.shortestPath(a, b);
            out.add(new Episode(g.scan(), firstPathId + out.size(), path, r.nextDouble() * 2 * Math.PI,
                    List.of("go to " + b.substring(0, 4), "walk to " + b.substring(0, 4), "stop at " + b.substring(0, 4)), g.distance(a, b)));
        }
        return out;
    }

    public static Path writeEpisodes(Path file, List<Episode> episodes) throws IOException {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (Episode e : episodes) {
            ObjectNode o = list.addObject();
            o.put("distance", e.distance());
            o.put("scan", e.scan());
            o.put("path_id", e.pathId());
            ArrayNode p = o.putArray("path");
            e.path().forEach(p::add);
            o.put("heading", e.heading());
            ArrayNode ins = o.putArray("instructions");
            e.instructions().forEach(ins::add);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Json.MAPPER.writeValue(file.toFile(), list);
        return file;
    }
}
