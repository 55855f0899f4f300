package dev.vlsuite.assets.house;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The graph the official R2R tools build from a connectivity file (Matterport3DSimulator
 * {@code utils.load_nav_graphs}): an edge for every unobstructed pair of <em>included</em> viewpoints, weighted by
 * their distance; excluded viewpoints are ignored whatever their flags say. Episodes are drawn on it.
 */
public final class NavigationGraph {
    private final House house;
    private final boolean official;

    private NavigationGraph(House house, boolean official) {
        this.house = house;
        this.official = official;
    }

    /** The official graph: included viewpoints only. */
    public static NavigationGraph of(House house) {
        return new NavigationGraph(house, true);
    }

    /** Every unobstructed flag taken at face value, excluded viewpoints too: what the official rules forbid (tests). */
    public static NavigationGraph ignoringExclusions(House house) {
        return new NavigationGraph(house, false);
    }

    public boolean edge(int i, int j) {
        if (i == j || !house.unobstructed(i, j)) return false;
        List<Viewpoint> vps = house.viewpoints();
        return !official || (vps.get(i).included() && vps.get(j).included());
    }

    public List<Integer> neighbours(int i) {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < house.viewpoints().size(); j++) if (edge(i, j)) out.add(j);
        return out;
    }

    /** Shortest-path tree from {@code source} (Dijkstra): {@code dist} (metres, infinity when unreachable) and {@code prev}. */
    public record Tree(int source, double[] dist, int[] prev) {
        /** The viewpoint indices from the source to {@code target}, or an empty list when unreachable. */
        public List<Integer> pathTo(int target) {
            if (Double.isInfinite(dist[target])) return List.of();
            List<Integer> path = new ArrayList<>();
            for (int v = target; v != -1; v = prev[v]) path.add(v);
            Collections.reverse(path);
            return path;
        }
    }

    public Tree shortestFrom(int source) {
        int n = house.viewpoints().size();
        double[] dist = new double[n];
        int[] prev = new int[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(prev, -1);
        dist[source] = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        queue.add(new double[] {0, source});
        boolean[] done = new boolean[n];
        while (!queue.isEmpty()) {
            int u = (int) queue.poll()[1];
            if (done[u]) continue;
            done[u] = true;
            for (int v : neighbours(u)) {
                double d = dist[u] + house.viewpoints().get(u).distance(house.viewpoints().get(v));
                if (d < dist[v]) {
                    dist[v] = d;
                    prev[v] = u;
                    queue.add(new double[] {d, v});
                }
            }
        }
        return new Tree(source, dist, prev);
    }

    /** Metres along a path of viewpoint indices. */
    public double length(List<Integer> path) {
        double sum = 0;
        for (int k = 1; k < path.size(); k++) sum += house.viewpoints().get(path.get(k - 1)).distance(house.viewpoints().get(path.get(k)));
        return sum;
    }
}
