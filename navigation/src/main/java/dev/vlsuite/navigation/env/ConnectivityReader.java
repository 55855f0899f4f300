package dev.vlsuite.navigation.env;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Matterport {@code <scan>_connectivity.json} into a {@link NavGraph} by the official rules
 * (../shared/ref/R2R-EVAL.md section 2): only included-included pairs flagged unobstructed become edges, whatever
 * an excluded viewpoint's flags say; the weight is the 3-D distance of the translations at pose[3], pose[7],
 * pose[11]; a viewpoint with no such edge is not in the graph. An asymmetric flag between two included
 * viewpoints is refused, as the official assertion ("Graph should be undirected") does.
 */
public final class ConnectivityReader {
    private ConnectivityReader() {}

    public static NavGraph read(Path file, String scan) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new NavigationDataException(file + ": not readable as JSON: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isArray()) throw new NavigationDataException(file + ": expected a JSON list of viewpoints");
        int n = root.size();
        List<Viewpoint> vps = new ArrayList<>(n);
        boolean[] included = new boolean[n];
        boolean[][] unobstructed = new boolean[n][];
        for (int i = 0; i < n; i++) {
            JsonNode item = root.get(i);
            String where = file + ": viewpoint " + i;
            JsonNode id = item.get("image_id");
            if (id == null || !id.isTextual() || id.asText().isEmpty()) throw new NavigationDataException(where + ": missing image_id");
            where = file + ": viewpoint " + id.asText();
            JsonNode pose = item.get("pose");
            if (pose == null || !pose.isArray() || pose.size() != 16) throw new NavigationDataException(where + ": pose must be 16 numbers");
            for (int k : new int[] {3, 7, 11}) {
                if (!pose.get(k).isNumber()) throw new NavigationDataException(where + ": pose[" + k + "] is not a number");
            }
            vps.add(new Viewpoint(id.asText(), pose.get(3).asDouble(), pose.get(7).asDouble(), pose.get(11).asDouble()));
            JsonNode inc = item.get("included");
            if (inc == null || !inc.isBoolean()) throw new NavigationDataException(where + ": 'included' must be true or false");
            included[i] = inc.asBoolean();
            JsonNode un = item.get("unobstructed");
            if (un == null || !un.isArray() || un.size() != n) {
                throw new NavigationDataException(where + ": 'unobstructed' must list " + n + " booleans (one per viewpoint)");
            }
            unobstructed[i] = new boolean[n];
            for (int j = 0; j < n; j++) unobstructed[i][j] = un.get(j).asBoolean();
        }
        Map<String, Viewpoint> nodes = new LinkedHashMap<>();
        Map<String, Map<String, Double>> adj = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (!included[i]) continue;
            for (int j = 0; j < n; j++) {
                if (!unobstructed[i][j] || !included[j] || i == j) continue;
                if (!unobstructed[j][i]) {
                    throw new NavigationDataException(file + ": graph should be undirected: " + vps.get(i).id()
                            + " -> " + vps.get(j).id() + " is unobstructed but not the way back");
                }
                Viewpoint a = vps.get(i), b = vps.get(j);
                nodes.putIfAbsent(a.id(), a);
                nodes.putIfAbsent(b.id(), b);
                double w = a.distanceTo(b);
                adj.computeIfAbsent(a.id(), k -> new LinkedHashMap<>()).put(b.id(), w);
                adj.computeIfAbsent(b.id(), k -> new LinkedHashMap<>()).put(a.id(), w);
            }
        }
        return new NavGraph(scan, nodes, adj);
    }

    static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
