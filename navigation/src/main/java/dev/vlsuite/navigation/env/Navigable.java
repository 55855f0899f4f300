package dev.vlsuite.navigation.env;

/**
 * A neighbour the agent can move to, seen from its state: its direction relative to the current heading and
 * elevation (radians; heading positive = clockwise/right, as the simulator), the distance, and the index of the
 * view (of 36) that looks towards it.
 */
public record Navigable(String viewpoint, double relHeading, double relElevation, double distance, int viewIndex) {
    /** How far from the centre of the view: the simulator's sort key sqrt(rel_heading^2 + rel_elevation^2). */
    public double offCentre() {
        return Math.hypot(relHeading, relElevation);
    }
}
