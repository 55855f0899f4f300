package dev.vlsuite.assets.house;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws R2R episodes in a house: pairs (start, goal) of included viewpoints inside different rooms, the
 * goal next to an object, whose shortest path on the official graph has {@value #MIN_HOPS}-{@value #MAX_HOPS}
 * links; a uniformly random start heading; three instructions from {@link RouteGrammar}. The pairs are
 * shuffled once per house and dealt in order, so the episodes of two splits of one house never share a
 * (start, goal) pair. {@code path_id = 1000 * house index + k}.
 */
public final class EpisodeSampler {
    public static final int MIN_HOPS = 4;
    public static final int MAX_HOPS = 7;
    public static final int INSTRUCTIONS = 3;

    private EpisodeSampler() {}

    /** Every eligible (start, goal) pair of the house as its shortest path, in a seeded random order. */
    public static List<List<Integer>> candidatePaths(House house) {
        NavigationGraph graph = NavigationGraph.of(house);
        List<Viewpoint> vps = house.viewpoints();
        List<List<Integer>> out = new ArrayList<>();
        for (Viewpoint s : vps) {
            if (!s.included() || s.inDoorway()) continue;
            NavigationGraph.Tree tree = graph.shortestFrom(s.index());
            for (Viewpoint g : vps) {
                if (!g.included() || g.inDoorway() || g.room() == s.room() || Route.goalObject(house, g) == null) continue;
                List<Integer> path = tree.pathTo(g.index());
                int hops = path.size() - 1;
                if (hops >= MIN_HOPS && hops <= MAX_HOPS) out.add(path);
            }
        }
        HouseGenerator.shuffle(new SplittableRandom(house.seed() ^ 0x5DEECE66DL), out);
        return out;
    }

    /**
     * Episodes from candidate paths {@code [from, from + count)} (fewer when the house has fewer).
     * @param houseIndex the house's number (path ids)
     */
    public static List<Episode> episodes(House house, int houseIndex, int from, int count) {
        List<List<Integer>> paths = candidatePaths(house);
        NavigationGraph graph = NavigationGraph.of(house);
        List<Episode> out = new ArrayList<>();
        for (int k = from; k < Math.min(Math.min(paths.size(), 1000), from + count); k++) { // k < 1000 keeps path ids unique
            List<Integer> path = paths.get(k);
            SplittableRandom rng = new SplittableRandom(house.seed() * 31 + k);
            double heading = HouseGenerator.round(rng.nextDouble() * 2 * Math.PI);
            Route route = Route.of(house, path, heading);
            List<String> ids = path.stream().map(i -> house.viewpoints().get(i).id()).toList();
            out.add(new Episode(house.scan(), houseIndex * 1000 + k, ids, heading, graph.length(path),
                    RouteGrammar.instructions(house, route, INSTRUCTIONS, rng), route));
        }
        return out;
    }
}
