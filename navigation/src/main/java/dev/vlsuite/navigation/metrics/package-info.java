/**
 * The official R2R navigation metrics, exactly as Matterport3DSimulator's {@code tasks/R2R/eval.py}: navigation
 * error, oracle error, success and oracle success (below 3 m), SPL, trajectory length; official key names and
 * handling of duplicate, unknown and missing instruction ids. Task-specific, so it lives in this module.
 */
package dev.vlsuite.navigation.metrics;
