package dev.vlsuite.navigation.training;

import dev.vlsuite.navigation.api.Route;
import dev.vlsuite.navigation.env.Action;
import dev.vlsuite.navigation.env.NavGraph;

/** The extrinsic reward of a panoramic route, per choice, and the discounted returns REINFORCE weighs them with. */
public final class RcmRewards {
    private RcmRewards() {}

    /**
     * One reward per action of the route: a move earns the reduction of the distance to the goal (metres along
     * the graph); STOP earns +bonus within successDistance of the goal, -bonus farther. intrinsic is added to the
     * last action's reward.
     */
    public static double[] rewards(Route route, NavGraph graph, String goal, RcmRlConfig rl, double intrinsic) {
        int n = route.actions().size();
        double[] r = new double[n];
        for (int t = 0; t < n; t++) {
            double before = graph.distance(route.states().get(t).viewpoint(), goal);
            if (route.actions().get(t) == Action.STOP) {
                r[t] = before < rl.successDistance() ? rl.successBonus() : -rl.successBonus();
            } else {
                r[t] = before - graph.distance(route.states().get(t + 1).viewpoint(), goal);
            }
        }
        if (n > 0 && route.actions().get(n - 1) != Action.STOP) {
            r[n - 1] += graph.distance(route.end().viewpoint(), goal) < rl.successDistance() ? rl.successBonus() : -rl.successBonus();
        }
        if (n > 0) r[n - 1] += intrinsic;
        return r;
    }

    /** G_t = sum_{t' >= t} gamma^(t' - t) r_t'. */
    public static double[] returns(double[] rewards, double gamma) {
        double[] g = new double[rewards.length];
        double acc = 0;
        for (int t = rewards.length - 1; t >= 0; t--) g[t] = acc = rewards[t] + gamma * acc;
        return g;
    }
}
