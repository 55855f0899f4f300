package dev.vlsuite.navigation.env;

import java.util.List;

/** An agent's output for one instruction, as the official results file holds it. */
public record Trajectory(String instrId, List<TrajectoryStep> steps) {
    public Trajectory {
        steps = List.copyOf(steps);
    }

    public String finalViewpoint() {
        return steps.get(steps.size() - 1).viewpoint();
    }
}
