/**
 * The Java API of navigation: routes an agent takes, running agents over episodes (greedy in batches,
 * {@link dev.vlsuite.navigation.api.GreedyRuns}; beam search over trajectories, {@link dev.vlsuite.navigation.api.RolloutBeam}),
 * loading a navigator (or the built-in agent, {@link dev.vlsuite.navigation.api.DefaultAgent});
 * {@link dev.vlsuite.navigation.api.Navigator#load} dispatches on the bundle's saved arch (seq2seq, or rcm:
 * {@link dev.vlsuite.navigation.api.RcmRollout} in the panoramic space). {@link dev.vlsuite.navigation.api.SpeakerScorer}:
 * rcm's matching critic.
 */
package dev.vlsuite.navigation.api;
