package dev.vlsuite.navigation.env;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The headless simulator: moves an {@link AgentState} over a scan's {@link NavGraph} in the low-level action space
 * (Matterport semantics: headings clockwise from +y, neighbours sorted by distance from the view's centre, forward
 * limited to the horizontal field of view) or the panoramic one (any neighbour). Views come from {@link ViewFeatures}.
 */
public final class Environment {
    /** The baseline's camera: 640 x 480 at 60 degrees vertical field of view gives 75.2 degrees horizontally. */
    public static final double BASELINE_HFOV = 2 * Math.atan(Math.tan(Math.toRadians(30)) * 640.0 / 480.0);

    private final Connectivity connectivity;
    private final ViewFeatures features;
    private final double hfov;

    public Environment(Connectivity connectivity, ViewFeatures features) {
        this(connectivity, features, BASELINE_HFOV);
    }

    public Environment(Connectivity connectivity, ViewFeatures features, double hfovRadians) {
        this.connectivity = connectivity;
        this.features = features;
        this.hfov = hfovRadians;
    }

    public Connectivity connectivity() {
        return connectivity;
    }

    /** The view features (null for an environment built for scoring or oracle walks only). */
    public ViewFeatures features() {
        return features;
    }

    public NavGraph graph(String scan) {
        return connectivity.graph(scan);
    }

    /** The start state of an episode (refused when the start is not in the navigation graph, as the simulator). */
    public AgentState start(Episode episode) {
        graph(episode.scan()).viewpoint(episode.start());
        return AgentState.start(episode.scan(), episode.start(), episode.heading());
    }

    /** Every neighbour with its direction from the state, nearest the centre of the view first. */
    public List<Navigable> neighbours(AgentState s) {
        NavGraph g = graph(s.scan());
        Viewpoint here = g.viewpoint(s.viewpoint());
        double cx = Math.sin(s.heading()), cy = Math.cos(s.heading());
        List<Navigable> out = new ArrayList<>();
        for (String id : g.neighbours(s.viewpoint())) {
            Viewpoint t = g.viewpoint(id);
            double dx = t.x() - here.x(), dy = t.y() - here.y(), dz = t.z() - here.z();
            double relHeading = Math.atan2(dx * cy - dy * cx, dx * cx + dy * cy);
            double absElevation = Math.atan2(dz, Math.hypot(dx, dy));
            int h = AgentState.headingIndexOf(Math.atan2(dx, dy));
            int e = Math.max(0, Math.min(2, (int) Math.round(absElevation / AgentState.STEP) + 1));
            out.add(new Navigable(id, relHeading, absElevation - s.elevation(), here.distanceTo(t), 12 * e + h));
        }
        out.sort(Comparator.comparingDouble(Navigable::offCentre).thenComparingDouble(Navigable::distance));
        return out;
    }

    /** The neighbours inside the horizontal field of view, nearest the centre first. */
    public List<Navigable> navigable(AgentState s) {
        return neighbours(s).stream().filter(n -> Math.abs(n.relHeading()) <= hfov / 2).toList();
    }

    /** Where FORWARD goes: the navigable viewpoint nearest the centre of the view, if any. */
    public Optional<Navigable> forwardTarget(AgentState s) {
        List<Navigable> n = navigable(s);
        return n.isEmpty() ? Optional.empty() : Optional.of(n.get(0));
    }

    /** Which actions are allowed: no FORWARD without a navigable viewpoint in view, no UP/DOWN past +-30 degrees. */
    public boolean[] mask(AgentState s) {
        boolean[] ok = new boolean[Action.COUNT];
        ok[Action.LEFT.ordinal()] = true;
        ok[Action.RIGHT.ordinal()] = true;
        ok[Action.UP.ordinal()] = s.elevationIndex() < 2;
        ok[Action.DOWN.ordinal()] = s.elevationIndex() > 0;
        ok[Action.FORWARD.ordinal()] = forwardTarget(s).isPresent();
        ok[Action.STOP.ordinal()] = true;
        return ok;
    }

    /** The state after an action (STOP leaves it unchanged); a masked action is refused. */
    public AgentState step(AgentState s, Action a) {
        if (!mask(s)[a.ordinal()]) throw new IllegalArgumentException(a + " is not possible at " + s);
        return switch (a) {
            case LEFT -> s.turned(-1, 0);
            case RIGHT -> s.turned(1, 0);
            case UP -> s.turned(0, 1);
            case DOWN -> s.turned(0, -1);
            case FORWARD -> s.at(forwardTarget(s).orElseThrow().viewpoint());
            case STOP -> s;
        };
    }

    /** Panoramic action: move to a neighbour, facing the view that looks towards it. */
    public AgentState moveTo(AgentState s, Navigable n) {
        if (!graph(s.scan()).isEdge(s.viewpoint(), n.viewpoint())) {
            throw new IllegalArgumentException(n.viewpoint() + " is not a neighbour of " + s.viewpoint());
        }
        return new AgentState(s.scan(), n.viewpoint(), n.viewIndex() % 12, n.viewIndex() / 12);
    }

    /**
     * The baseline's teacher in the low-level space: stop at the goal; otherwise turn to face the next viewpoint of
     * a shortest path (within 30 degrees), level the camera, and move forward once it is the one forward reaches.
     */
    public Action teacher(AgentState s, String goal) {
        NavGraph g = graph(s.scan());
        if (s.viewpoint().equals(goal)) return Action.STOP;
        List<String> path = g.shortestPath(s.viewpoint(), goal);
        if (path.size() < 2) return Action.STOP;   // unreachable goal: nothing better to do
        String next = path.get(1);
        Navigable target = neighbours(s).stream().filter(n -> n.viewpoint().equals(next)).findFirst().orElseThrow();
        if (target.relHeading() > AgentState.STEP) return Action.RIGHT;
        if (target.relHeading() < -AgentState.STEP) return Action.LEFT;
        if (target.relElevation() > AgentState.STEP && s.elevationIndex() < 2) return Action.UP;
        if (target.relElevation() < -AgentState.STEP && s.elevationIndex() > 0) return Action.DOWN;
        Optional<Navigable> forward = forwardTarget(s);
        if (forward.isPresent() && forward.get().viewpoint().equals(next)) return Action.FORWARD;
        // another viewpoint is nearer the centre: turn so the next one comes to the middle
        return target.relHeading() >= 0 ? Action.RIGHT : Action.LEFT;
    }
}
