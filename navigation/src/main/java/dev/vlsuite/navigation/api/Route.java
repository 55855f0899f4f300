package dev.vlsuite.navigation.api;

import dev.vlsuite.navigation.env.Action;
import dev.vlsuite.navigation.env.AgentState;
import dev.vlsuite.navigation.env.Trajectory;
import dev.vlsuite.navigation.env.TrajectoryStep;
import java.util.ArrayList;
import java.util.List;

/**
 * What an agent did: the states it went through (the start first, then one per action, as the baseline writes its
 * trajectories), the actions, and for learned agents the attention over the instruction's words at each step.
 *
 * @param attention per action, the weights over the instruction tokens (empty for agents that do not read)
 */
public record Route(List<AgentState> states, List<Action> actions, List<float[]> attention) {
    public Route {
        states = List.copyOf(states);
        actions = List.copyOf(actions);
        attention = List.copyOf(attention);
    }

    public AgentState end() {
        return states.get(states.size() - 1);
    }

    /** The official trajectory entries: one per state. */
    public Trajectory trajectory(String instrId) {
        List<TrajectoryStep> steps = new ArrayList<>(states.size());
        for (AgentState s : states) steps.add(s.step());
        return new Trajectory(instrId, steps);
    }

    /** The viewpoints visited, without the repeats of turning in place. */
    public List<String> viewpoints() {
        List<String> out = new ArrayList<>();
        for (AgentState s : states) if (out.isEmpty() || !out.get(out.size() - 1).equals(s.viewpoint())) out.add(s.viewpoint());
        return out;
    }

    /** Builds a route step by step. */
    public static final class Builder {
        private final List<AgentState> states = new ArrayList<>();
        private final List<Action> actions = new ArrayList<>();
        private final List<float[]> attention = new ArrayList<>();

        public Builder(AgentState start) {
            states.add(start);
        }

        public AgentState current() {
            return states.get(states.size() - 1);
        }

        /** Records an action and the state after it (STOP records no new state). */
        public void add(Action a, AgentState after, float[] alpha) {
            actions.add(a);
            if (alpha != null) attention.add(alpha);
            if (a != Action.STOP) states.add(after);
        }

        /** An independent copy (beam search extends one partial route in several ways). */
        public Builder copy() {
            Builder b = new Builder(states.get(0));
            b.states.addAll(states.subList(1, states.size()));
            b.actions.addAll(actions);
            b.attention.addAll(attention);
            return b;
        }

        public int actionCount() {
            return actions.size();
        }

        public Route build() {
            return new Route(states, actions, attention);
        }
    }
}
