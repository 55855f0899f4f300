package dev.vlsuite.assets.house;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-side reader of the houses layout, written from the contract (and Matterport's graph rules in
 * shared/ref/R2R-EVAL.md) without the generator's classes, so the tests check the files, not the code's
 * own view of itself.
 */
final class HouseLayout {
    /** One connectivity file. */
    record Scan(String scan, List<String> ids, double[][] xyz, boolean[] included, boolean[][] unobstructed, boolean[][] visible) {
        int index(String id) {
            int i = ids.indexOf(id);
            assertTrue(i >= 0, scan + ": unknown viewpoint " + id);
            return i;
        }

        double dist(int i, int j) {
            double dx = xyz[i][0] - xyz[j][0], dy = xyz[i][1] - xyz[j][1], dz = xyz[i][2] - xyz[j][2];
            return Math.sqrt(dx * dx + dy * dy + dz * dz);
        }

        /** The official graph (load_nav_graphs): included-included unobstructed pairs. */
        boolean edge(int i, int j) {
            return i != j && included[i] && included[j] && unobstructed[i][j];
        }

        /** All-pairs shortest distances (Floyd-Warshall), official rules or every flag at face value. */
        double[][] distances(boolean official) {
            int n = ids.size();
            double[][] d = new double[n][n];
            for (double[] row : d) Arrays.fill(row, Double.POSITIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                d[i][i] = 0;
                for (int j = 0; j < n; j++)
                    if (official ? edge(i, j) : (i != j && unobstructed[i][j])) d[i][j] = dist(i, j);
            }
            for (int k = 0; k < n; k++)
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++)
                        if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
            return d;
        }
    }

    static Scan connectivity(Path dir, String scan) throws IOException {
        JsonNode arr = Json.MAPPER.readTree(dir.resolve("connectivity").resolve(scan + "_connectivity.json").toFile());
        assertTrue(arr.isArray(), "connectivity is a JSON list");
        int n = arr.size();
        List<String> ids = new ArrayList<>();
        double[][] xyz = new double[n][3];
        boolean[] included = new boolean[n];
        boolean[][] unob = new boolean[n][n], vis = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            JsonNode v = arr.get(i);
            ids.add(v.get("image_id").asText());
            JsonNode pose = v.get("pose");
            assertEquals(16, pose.size());
            xyz[i] = new double[] {pose.get(3).asDouble(), pose.get(7).asDouble(), pose.get(11).asDouble()};
            assertEquals(List.of(0.0, 0.0, 0.0, 1.0), List.of(pose.get(12).asDouble(), pose.get(13).asDouble(), pose.get(14).asDouble(), pose.get(15).asDouble()));
            included[i] = v.get("included").asBoolean();
            assertTrue(v.get("included").isBoolean());
            assertEquals(n, v.get("unobstructed").size());
            assertEquals(n, v.get("visible").size());
            for (int j = 0; j < n; j++) {
                unob[i][j] = v.get("unobstructed").get(j).asBoolean();
                vis[i][j] = v.get("visible").get(j).asBoolean();
            }
            assertTrue(v.get("height").isNumber());
        }
        return new Scan(scan, ids, xyz, included, unob, vis);
    }

    static JsonNode read(Path file) throws IOException {
        return Json.MAPPER.readTree(file.toFile());
    }

    /** houses.json's entry for a scan. */
    static JsonNode plan(Path dir, String scan) throws IOException {
        for (JsonNode s : read(dir.resolve("houses.json")).get("scans")) if (s.get("scan").asText().equals(scan)) return s;
        fail("houses.json has no scan " + scan);
        return null;
    }

    /** viewpoint id -> its houses.json entry. */
    static Map<String, JsonNode> viewpoints(JsonNode plan) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode v : plan.get("viewpoints")) out.put(v.get("id").asText(), v);
        return out;
    }

    static String roomName(JsonNode plan, int room) {
        JsonNode r = plan.get("rooms").get(room);
        return r.get("colour").asText() + " " + r.get("name").asText();
    }

    /** Heading of a vector, clockwise from +y (Matterport). */
    static double heading(double vx, double vy) {
        return Math.atan2(vx, vy);
    }

    static double wrap(double a) {
        while (a <= -Math.PI) a += 2 * Math.PI;
        while (a > Math.PI) a -= 2 * Math.PI;
        return a;
    }

    private HouseLayout() {}
}
