package dev.vlsuite.navigation.env;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The navigation graph of one scan, built by the official rules (R2R {@code utils.load_nav_graphs}): undirected
 * edges between included viewpoints flagged unobstructed, weighted by 3-D distance; a viewpoint exists only
 * through its edges. Shortest-path distances by Dijkstra, computed per source on first use and kept.
 */
public final class NavGraph {
    private final String scan;
    private final Map<String, Viewpoint> nodes;                 // only viewpoints with at least one edge
    private final Map<String, Map<String, Double>> adjacency;   // id -> neighbour id -> weight (file order)
    private final Map<String, Map<String, Double>> distances = new HashMap<>();
    private final Map<String, Map<String, String>> previous = new HashMap<>();

    NavGraph(String scan, Map<String, Viewpoint> nodes, Map<String, Map<String, Double>> adjacency) {
        this.scan = scan;
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        this.adjacency = adjacency;
    }

    /** Builds a graph from viewpoints and undirected edges (tests and generators); weights are 3-D distances. */
    public static NavGraph of(String scan, List<Viewpoint> viewpoints, List<String[]> edges) {
        Map<String, Viewpoint> all = new LinkedHashMap<>();
        for (Viewpoint v : viewpoints) all.put(v.id(), v);
        Map<String, Viewpoint> nodes = new LinkedHashMap<>();
        Map<String, Map<String, Double>> adj = new LinkedHashMap<>();
        for (String[] e : edges) {
            Viewpoint a = all.get(e[0]), b = all.get(e[1]);
            if (a == null || b == null) throw new IllegalArgumentException("edge names an unknown viewpoint: " + Arrays.toString(e));
            if (a.id().equals(b.id())) continue;
            double w = a.distanceTo(b);
            nodes.putIfAbsent(a.id(), a);
            nodes.putIfAbsent(b.id(), b);
            adj.computeIfAbsent(a.id(), k -> new LinkedHashMap<>()).put(b.id(), w);
            adj.computeIfAbsent(b.id(), k -> new LinkedHashMap<>()).put(a.id(), w);
        }
        return new NavGraph(scan, nodes, adj);
    }

    public String scan() {
        return scan;
    }

    /** The viewpoints of the graph (included, with at least one edge), in file order. */
    public Collection<Viewpoint> viewpoints() {
        return nodes.values();
    }

    public boolean contains(String viewpoint) {
        return nodes.containsKey(viewpoint);
    }

    public Viewpoint viewpoint(String id) {
        Viewpoint v = nodes.get(id);
        if (v == null) throw new IllegalArgumentException("scan " + scan + " has no viewpoint " + id + " in its navigation graph");
        return v;
    }

    /** Navigable neighbours of a viewpoint (file order). */
    public List<String> neighbours(String id) {
        viewpoint(id);
        return List.copyOf(adjacency.get(id).keySet());
    }

    public boolean isEdge(String a, String b) {
        Map<String, Double> n = adjacency.get(a);
        return n != null && n.containsKey(b);
    }

    public int edgeCount() {
        int twice = 0;
        for (Map<String, Double> n : adjacency.values()) twice += n.size();
        return twice / 2;
    }

    /** Shortest-path distance in metres; +infinity when a and b are in different components. */
    public double distance(String a, String b) {
        viewpoint(b);
        Double d = dijkstra(a).get(b);
        return d == null ? Double.POSITIVE_INFINITY : d;
    }

    /** A shortest path from a to b, both ends included; empty when b cannot be reached. */
    public List<String> shortestPath(String a, String b) {
        viewpoint(b);
        if (!dijkstra(a).containsKey(b)) return List.of();
        Map<String, String> prev = previous.get(a);
        ArrayDeque<String> path = new ArrayDeque<>();
        for (String v = b; v != null; v = prev.get(v)) path.addFirst(v);
        return new ArrayList<>(path);
    }

    private synchronized Map<String, Double> dijkstra(String source) {
        viewpoint(source);
        Map<String, Double> done = distances.get(source);
        if (done != null) return done;
        Map<String, Double> dist = new HashMap<>();
        Map<String, String> prev = new HashMap<>();
        record Entry(double d, String id) {}
        PriorityQueue<Entry> queue = new PriorityQueue<>((p, q) -> Double.compare(p.d, q.d));
        Map<String, Double> best = new HashMap<>();
        best.put(source, 0.0);
        queue.add(new Entry(0.0, source));
        while (!queue.isEmpty()) {
            Entry e = queue.poll();
            if (dist.containsKey(e.id)) continue;
            dist.put(e.id, e.d);
            for (Map.Entry<String, Double> n : adjacency.get(e.id).entrySet()) {
                double nd = e.d + n.getValue();
                Double old = best.get(n.getKey());
                if (!dist.containsKey(n.getKey()) && (old == null || nd < old)) {
                    best.put(n.getKey(), nd);
                    prev.put(n.getKey(), e.id);
                    queue.add(new Entry(nd, n.getKey()));
                }
            }
        }
        distances.put(source, dist);
        previous.put(source, prev);
        return dist;
    }
}
