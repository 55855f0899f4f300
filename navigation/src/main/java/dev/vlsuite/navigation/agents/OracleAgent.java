package dev.vlsuite.navigation.agents;

import dev.vlsuite.navigation.api.Route;
import dev.vlsuite.navigation.env.Action;
import dev.vlsuite.navigation.env.AgentState;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;

/** The shortest-path oracle: the baseline's teacher actions (it knows the goal); the upper bound of the table. */
public final class OracleAgent implements Agent {
    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public Route follow(Environment env, Episode episode, int instruction, int maxActions) {
        Route.Builder route = new Route.Builder(env.start(episode));
        while (route.actionCount() < maxActions) {
            AgentState s = route.current();
            Action a = env.teacher(s, episode.goal());
            route.add(a, env.step(s, a), null);
            if (a == Action.STOP) break;
        }
        return route.build();
    }
}
