/**
 * The Java API of navigation: routes an agent takes, running agents over episodes (greedy in batches,
 * {@link dev.vlsuite.navigation.api.GreedyRuns}; beam search over trajectories, {@link dev.vlsuite.navigation.api.RolloutBeam}),
 * loading a navigator (or the built-in agent, {@link dev.vlsuite.navigation.api.DefaultAgent}).
 */
package dev.vlsuite.navigation.api;
