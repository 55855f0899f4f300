package dev.vlsuite.navigation.api;

import dev.vlsuite.navigation.agents.Agent;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs an agent on every instruction of a list of episodes: the official trajectories, in episode order. */
public final class Rollouts {
    private Rollouts() {}

    /**
     * @param onBadEpisode one line per episode that cannot be run (its scan or start missing from the graphs);
     *                     the others go on
     */
    public static List<Trajectory> run(Agent agent, Environment env, List<Episode> episodes, int maxActions,
                                       Consumer<String> onBadEpisode, Runnable onEpisodeDone) {
        List<Trajectory> out = new ArrayList<>();
        for (Episode e : episodes) {
            try {
                for (int i = 0; i < Math.max(1, e.instructions().size()); i++) {
                    out.add(agent.follow(env, e, i, maxActions).trajectory(e.instrId(i)));
                }
            } catch (IllegalArgumentException bad) {
                onBadEpisode.accept("episode " + e.pathId() + " (scan " + e.scan() + "): " + bad.getMessage());
            }
            onEpisodeDone.run();
        }
        return out;
    }
}
