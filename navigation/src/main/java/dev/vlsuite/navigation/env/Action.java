package dev.vlsuite.navigation.env;

/**
 * The R2R baseline's low-level action space: turn 30 degrees left/right, look 30 degrees up/down, move forward
 * to the navigable viewpoint nearest the centre of the view, stop. The order is the index a model predicts.
 */
public enum Action {
    LEFT, RIGHT, UP, DOWN, FORWARD, STOP;

    public static final int COUNT = values().length;
}
