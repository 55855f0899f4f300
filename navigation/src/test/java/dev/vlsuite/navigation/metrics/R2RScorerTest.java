package dev.vlsuite.navigation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.navigation.env.Connectivity;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.NavGraph;
import dev.vlsuite.navigation.env.Trajectories;
import dev.vlsuite.navigation.env.TrajectoryStep;
import dev.vlsuite.navigation.env.Viewpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class R2RScorerTest {
    // a line a-b-c-d-e along x, 2 m apart, plus f 4 m north of a (edge a-f)
    static final NavGraph G = NavGraph.of("s", List.of(new Viewpoint("a", 0, 0, 0), new Viewpoint("b", 2, 0, 0),
            new Viewpoint("c", 4, 0, 0), new Viewpoint("d", 6, 0, 0), new Viewpoint("e", 8, 0, 0), new Viewpoint("f", 0, 4, 0)),
            List.of(new String[] {"a", "b"}, new String[] {"b", "c"}, new String[] {"c", "d"}, new String[] {"d", "e"}, new String[] {"a", "f"}));
    static final Episode EP = new Episode("s", 7, List.of("a", "b", "c", "d"), 0, List.of("go east"), 6);

    static Trajectories.Entry entry(String id, String... vps) {
        List<TrajectoryStep> steps = new ArrayList<>();
        for (String v : vps) steps.add(new TrajectoryStep(v, 0, 0));
        return new Trajectories.Entry(id, steps, null);
    }

    @Test
    void handComputedOfficialValues() {
        R2RScorer scorer = new R2RScorer(List.of(EP), Connectivity.of(G));
        Scores s = scorer.score(List.of(
                entry("7_0", "a", "a", "b", "c", "d"),            // exact: NE 0, TL 6, SPL 1
                entry("7_1", "a", "f", "a", "b", "c", "d", "e"),  // overshoot: NE 2 (< 3: success), ONE 0, TL 4+4+8=16, SPL 6/16
                entry("7_0", "a"),                                // duplicate: ignored, the first wins
                entry("9_0", "x"),                                // unknown path: ignored
                entry("7_3", "a"),                                // 4th instruction: ignored
                entry("7_2", "a", "b")));                         // NE 4: failure, ONE 4, TL 2
        assertTrue(s.official(), s.problems() + " " + s.missing());
        assertEquals(1, s.duplicates());
        assertEquals(2, s.unknown());
        List<ItemScore> it = s.items();
        assertEquals(List.of("7_0", "7_1", "7_2"), it.stream().map(ItemScore::instrId).toList());
        assertEquals(0, it.get(0).navError(), 1e-12);
        assertEquals(6, it.get(0).trajectoryLength(), 1e-12);
        assertEquals(1, it.get(0).spl(), 1e-12);
        assertEquals(2, it.get(1).navError(), 1e-12);
        assertEquals(0, it.get(1).oracleError(), 1e-12);
        assertEquals(16, it.get(1).trajectoryLength(), 1e-12);
        assertEquals(6.0 / 16, it.get(1).spl(), 1e-12);
        assertEquals(4, it.get(2).navError(), 1e-12);
        assertEquals(4, it.get(2).oracleError(), 1e-12);
        assertEquals(0, it.get(2).spl());
        Map<String, Double> sum = s.summary();
        assertEquals(List.of("length", "nav_error", "oracle success_rate", "success_rate", "spl"), List.copyOf(sum.keySet()));
        assertEquals((6 + 16 + 2) / 3.0, sum.get("length"), 1e-12);
        assertEquals((0 + 2 + 4) / 3.0, sum.get("nav_error"), 1e-12);
        assertEquals(2.0 / 3, sum.get("oracle success_rate"), 1e-12);
        assertEquals(2.0 / 3, sum.get("success_rate"), 1e-12);
        assertEquals((1 + 6.0 / 16) / 3, sum.get("spl"), 1e-12);
    }

    @Test
    void whereTheOfficialCodeRaisesThereIsNoSummary() {
        R2RScorer scorer = new R2RScorer(List.of(EP), Connectivity.of(G));
        Scores teleport = scorer.score(List.of(entry("7_0", "a", "c"), entry("7_1", "a"), entry("7_2", "a")));
        assertFalse(teleport.official());
        assertTrue(teleport.problems().get(0).startsWith("7_0: ") && teleport.problems().get(0).contains("no edge"), teleport.problems().toString());
        Scores wrongStart = scorer.score(List.of(entry("7_0", "b"), entry("7_1", "a"), entry("7_2", "a")));
        assertTrue(wrongStart.problems().get(0).contains("start"), wrongStart.problems().toString());
        Scores unknownVp = scorer.score(List.of(entry("7_0", "a", "zz"), entry("7_1", "a"), entry("7_2", "a")));
        assertTrue(unknownVp.problems().get(0).contains("zz"), unknownVp.problems().toString());
        Scores missing = scorer.score(List.of(entry("7_0", "a"), entry("7_2", "a")));
        assertEquals(List.of("7_1"), missing.missing());
        assertFalse(missing.official());
        Episode same = new Episode("s", 8, List.of("a"), 0, List.of(), 0);
        Scores zeroDiv = new R2RScorer(List.of(same), Connectivity.of(G)).score(List.of(entry("8_0", "a"), entry("8_1", "a", "b", "a"), entry("8_2", "a", "b")));
        assertEquals(1, zeroDiv.problems().size(), "only the unmoved one divides by zero");
        assertEquals(0, zeroDiv.items().get(0).spl(), "moving away and back: success with SPL 0, as the official code");
    }
}
