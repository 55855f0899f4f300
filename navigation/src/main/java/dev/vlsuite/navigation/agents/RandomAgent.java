package dev.vlsuite.navigation.agents;

import dev.vlsuite.navigation.api.Route;
import dev.vlsuite.navigation.env.Action;
import dev.vlsuite.navigation.env.AgentState;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;
import java.util.Random;

/**
 * The random walker of Anderson et al. 2018: turn to a random heading, then make up to 5 forward moves, turning
 * right whenever nothing is navigable ahead; the instruction is not read. Seeded per episode and instruction,
 * so a run is reproducible whatever the order of episodes.
 */
public final class RandomAgent implements Agent {
    public static final int FORWARD_MOVES = 5;
    private final long seed;

    public RandomAgent(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Route follow(Environment env, Episode episode, int instruction, int maxActions) {
        Random r = new Random(seed * 1_000_003L + episode.pathId() * 7L + instruction);
        Route.Builder route = new Route.Builder(env.start(episode));
        int turns = r.nextInt(12), forwards = 0;
        while (route.actionCount() < maxActions - 1 && forwards < FORWARD_MOVES) {
            AgentState s = route.current();
            Action a = turns > 0 ? Action.RIGHT : env.mask(s)[Action.FORWARD.ordinal()] ? Action.FORWARD : Action.RIGHT;
            if (turns > 0) turns--;
            if (a == Action.FORWARD) forwards++;
            route.add(a, env.step(s, a), null);
        }
        route.add(Action.STOP, route.current(), null);
        return route.build();
    }
}
