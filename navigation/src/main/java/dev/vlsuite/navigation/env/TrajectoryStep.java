package dev.vlsuite.navigation.env;

/** One entry of an official trajectory: {@code [viewpoint, heading, elevation]} (radians). */
public record TrajectoryStep(String viewpoint, double heading, double elevation) {}
