package dev.vlsuite.navigation.metrics;

import dev.vlsuite.navigation.env.Connectivity;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.NavGraph;
import dev.vlsuite.navigation.env.Trajectories;
import dev.vlsuite.navigation.env.TrajectoryStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The official R2R metrics exactly as {@code tasks/R2R/eval.py} ({@code Evaluation.score}) computes them
 * (../shared/ref/R2R-EVAL.md section 5): three expected ids per path; results in file order, the first entry of an
 * expected id scored and every other entry ignored; per item the navigation error (final -> goal), oracle error
 * (min over visited -> goal), trajectory length (shortest-path distance between consecutive entries, which must be
 * graph edges or the same viewpoint) and shortest-path length (start -> goal); success below 3 m.
 * Where the official code would crash (a non-edge move, a viewpoint outside the graph, a wrong start, start =
 * goal without moving), the item is reported in {@link Scores#problems} instead and no official summary exists.
 */
public final class R2RScorer {
    public static final double ERROR_MARGIN = 3.0;

    private final Map<Integer, Episode> gt = new HashMap<>();
    private final Set<String> expected = new LinkedHashSet<>();
    private final Connectivity connectivity;

    /** @param episodes the loaded splits in order (a later path with the same path_id replaces the earlier, as a dict does) */
    public R2RScorer(List<Episode> episodes, Connectivity connectivity) {
        this.connectivity = connectivity;
        for (Episode e : episodes) {
            gt.put(e.pathId(), e);
            for (int i = 0; i < Episode.OFFICIAL_INSTRUCTIONS_PER_PATH; i++) expected.add(e.instrId(i));
        }
    }

    public Set<String> expectedIds() {
        return java.util.Collections.unmodifiableSet(expected);
    }

    public Scores score(List<Trajectories.Entry> results) {
        Set<String> remaining = new LinkedHashSet<>(expected);
        Set<String> seen = new HashSet<>();
        List<ItemScore> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int duplicates = 0, unknown = 0;
        for (Trajectories.Entry r : results) {
            if (r.instrId() == null || !remaining.remove(r.instrId())) {
                if (r.instrId() != null && seen.contains(r.instrId())) duplicates++;
                else unknown++;
                continue;
            }
            seen.add(r.instrId());
            if (r.problem() != null) {
                problems.add(r.instrId() + ": " + r.problem());
                continue;
            }
            try {
                items.add(scoreItem(r.instrId(), r.steps()));
            } catch (IllegalArgumentException e) {
                problems.add(r.instrId() + ": " + e.getMessage());
            }
        }
        return new Scores(items, problems, List.copyOf(remaining), duplicates, unknown);
    }

    /** One item, as {@code _score_item}; IllegalArgumentException where the official code raises. */
    public ItemScore scoreItem(String instrId, List<TrajectoryStep> path) {
        Episode e = gt.get(Episode.pathIdOf(instrId));
        NavGraph g = connectivity.graph(e.scan());
        String start = e.start(), goal = e.goal();
        if (!path.get(0).viewpoint().equals(start)) {
            throw new IllegalArgumentException("the trajectory starts at " + path.get(0).viewpoint() + ", not at the episode's start " + start);
        }
        String last = path.get(path.size() - 1).viewpoint();
        double navError = distance(g, last, goal);
        double oracleError = Double.POSITIVE_INFINITY;
        for (TrajectoryStep s : path) oracleError = Math.min(oracleError, distance(g, s.viewpoint(), goal));
        double length = 0;
        String prev = path.get(0).viewpoint();
        for (TrajectoryStep s : path) {
            String curr = s.viewpoint();
            if (!prev.equals(curr) && !g.isEdge(prev, curr)) {
                throw new IllegalArgumentException("the trajectory moves from " + prev + " to " + curr
                        + " but the navigation graph of " + e.scan() + " has no edge between them");
            }
            length += distance(g, prev, curr);
            prev = curr;
        }
        double sp = distance(g, start, goal);
        ItemScore score = new ItemScore(instrId, navError, oracleError, length, sp);
        if (Double.isNaN(score.spl())) {
            throw new IllegalArgumentException("start = goal and no move: SPL is 0/0 (the official code divides by zero)");
        }
        return score;
    }

    private static double distance(NavGraph g, String a, String b) {
        if (!g.contains(a)) throw new IllegalArgumentException("viewpoint " + a + " is not in the navigation graph of " + g.scan());
        if (!g.contains(b)) throw new IllegalArgumentException("viewpoint " + b + " is not in the navigation graph of " + g.scan());
        double d = g.distance(a, b);
        if (Double.isInfinite(d)) throw new IllegalArgumentException(a + " and " + b + " are not connected in " + g.scan());
        return d;
    }
}
