package dev.vlsuite.navigation.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
    // A at the origin; B 2 m north (+y); C 2 m east (+x); D north of B and 1 m up; E 1 m north-north-east of A
    static final Viewpoint A = new Viewpoint("a", 0, 0, 0), B = new Viewpoint("b", 0, 2, 0), C = new Viewpoint("c", 2, 0, 0),
            D = new Viewpoint("d", 0, 4, 1.2), E = new Viewpoint("e", 0.9, 4.5, 0);
    static final NavGraph G = NavGraph.of("s", List.of(A, B, C, D, E),
            List.of(new String[] {"a", "b"}, new String[] {"a", "c"}, new String[] {"b", "d"}, new String[] {"b", "e"}));
    final Environment env = new Environment(Connectivity.of(G), null);

    @Test
    void headingsAreClockwiseFromNorthAsMatterport() {
        AgentState north = new AgentState("s", "a", 0, 1);
        List<Navigable> n = env.neighbours(north);
        assertEquals("b", n.get(0).viewpoint(), "facing +y, b is dead ahead");
        assertEquals(0, n.get(0).relHeading(), 1e-12);
        assertEquals(Math.PI / 2, n.get(1).relHeading(), 1e-12, "c (east) is to the right: positive");
        assertEquals(12 + 3, n.get(1).viewIndex(), "c is seen by the level view at heading 90 degrees");
        AgentState east = new AgentState("s", "a", 3, 1);
        assertEquals(-Math.PI / 2, env.neighbours(east).stream().filter(x -> x.viewpoint().equals("b")).findFirst().orElseThrow().relHeading(), 1e-12);
        assertEquals(3, AgentState.headingIndexOf(Math.PI / 2 + 0.1));
        assertEquals(0, AgentState.headingIndexOf(-0.2));
        assertEquals(11, AgentState.headingIndexOf(-0.4));
    }

    @Test
    void forwardMovesToTheViewpointNearestTheCentreAndIsMaskedWithoutOne() {
        AgentState s = new AgentState("s", "a", 0, 1);
        assertEquals("b", env.forwardTarget(s).orElseThrow().viewpoint());
        AgentState moved = env.step(s, Action.FORWARD);
        assertEquals("b", moved.viewpoint());
        assertEquals(0, moved.headingIndex(), "moving keeps the heading");
        AgentState sw = new AgentState("s", "a", 7, 1);   // 210 degrees: nothing in a 75-degree field of view
        assertTrue(env.forwardTarget(sw).isEmpty());
        boolean[] mask = env.mask(sw);
        assertFalse(mask[Action.FORWARD.ordinal()]);
        assertThrows(IllegalArgumentException.class, () -> env.step(sw, Action.FORWARD));
        AgentState down = new AgentState("s", "a", 0, 0);
        assertArrayEquals(new boolean[] {true, true, true, false, true, true}, env.mask(down));
        assertFalse(env.mask(new AgentState("s", "a", 0, 2))[Action.UP.ordinal()]);
        assertEquals(new AgentState("s", "a", 11, 1), env.step(new AgentState("s", "a", 0, 1), Action.LEFT));
        assertEquals(new AgentState("s", "a", 0, 2), env.step(new AgentState("s", "a", 0, 1), Action.UP));
        assertEquals(s, env.step(s, Action.STOP));
        // from b facing north: e (24 degrees right) and d (ahead, 31 degrees up) are both in view; e is nearer the centre
        AgentState atB = new AgentState("s", "b", 0, 1);
        List<Navigable> inView = env.navigable(atB);
        assertEquals(List.of("e", "d"), inView.stream().map(Navigable::viewpoint).toList());
        assertEquals(Math.atan2(1.2, 2), inView.get(1).relElevation(), 1e-12);
    }

    @Test
    void teacherWalksTheShortestPathAndStopsAtTheGoal() {
        for (int h = 0; h < 12; h++) {
            for (String goal : List.of("c", "d", "e")) {
                AgentState s = new AgentState("s", "b", h, 1);
                List<String> visited = new ArrayList<>(List.of(s.viewpoint()));
                Action a;
                int steps = 0;
                while ((a = env.teacher(s, goal)) != Action.STOP && steps++ < 30) {
                    s = env.step(s, a);
                    if (!s.viewpoint().equals(visited.get(visited.size() - 1))) visited.add(s.viewpoint());
                }
                assertEquals(goal, s.viewpoint(), "heading " + h + " goal " + goal);
                assertEquals(G.shortestPath("b", goal), visited);
            }
        }
    }

    @Test
    void teacherReachesGoalsOnRandomHouses() {
        Random r = new Random(3);
        for (int seed = 0; seed < 3; seed++) {
            TinyHouses.Scan scan = TinyHouses.randomScan("h", 4, 4, new Random(seed));
            List<Viewpoint> vps = new ArrayList<>();
            List<String[]> edges = new ArrayList<>();
            for (int i = 0; i < scan.ids().size(); i++) {
                double[] p = scan.xyz()[i];
                vps.add(new Viewpoint(scan.ids().get(i), p[0], p[1], p[2]));
                if (!scan.included()[i]) continue;
                for (int j = i + 1; j < scan.ids().size(); j++) if (scan.unobstructed()[i][j] && scan.included()[j]) edges.add(new String[] {scan.ids().get(i), scan.ids().get(j)});
            }
            NavGraph g = NavGraph.of("h", vps, edges);
            Environment e = new Environment(Connectivity.of(g), null);
            for (Episode ep : TinyHouses.episodes(g, 20, 0, r)) {
                AgentState s = e.start(ep);
                int steps = 0;
                Action a;
                while ((a = e.teacher(s, ep.goal())) != Action.STOP && steps++ < 60) s = e.step(s, a);
                assertEquals(ep.goal(), s.viewpoint());
            }
        }
    }

    @Test
    void panoramicMoveFacesTheNeighbour() {
        AgentState s = new AgentState("s", "a", 0, 1);
        Navigable c = env.neighbours(s).stream().filter(n -> n.viewpoint().equals("c")).findFirst().orElseThrow();
        AgentState atC = env.moveTo(s, c);
        assertEquals("c", atC.viewpoint());
        assertEquals(3, atC.headingIndex());
        Navigable notNeighbour = new Navigable("d", 0, 0, 1, 12);
        assertThrows(IllegalArgumentException.class, () -> env.moveTo(s, notNeighbour));
    }
}
