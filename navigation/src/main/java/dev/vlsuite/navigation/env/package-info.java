/**
 * The headless R2R world: connectivity graphs read by the official rules ({@link dev.vlsuite.navigation.env.ConnectivityReader},
 * {@link dev.vlsuite.navigation.env.NavGraph}), R2R episodes, view features (the baseline's TSV or rendered views through
 * the shared CNN and feature cache), the agent state and the low-level and panoramic action spaces
 * ({@link dev.vlsuite.navigation.env.Environment}), and the official trajectory files.
 */
package dev.vlsuite.navigation.env;
