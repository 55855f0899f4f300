package dev.vlsuite.navigation.agents;

import dev.vlsuite.navigation.api.Route;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;

/** Something that follows one instruction of an episode through the environment. */
public interface Agent {
    /** A short name for reports ("oracle", "random", "seq2seq"). */
    String name();

    /**
     * Follows instruction {@code i} of the episode from its start.
     *
     * @param maxActions the most actions before the episode is cut (R2R's baseline: 20)
     */
    Route follow(Environment env, Episode episode, int instruction, int maxActions);
}
