package dev.vlsuite.navigation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.assets.HouseSamples;
import dev.vlsuite.navigation.api.DefaultAgent;
import dev.vlsuite.navigation.api.Navigator;
import dev.vlsuite.navigation.env.Connectivity;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.EpisodeReader;
import dev.vlsuite.navigation.env.NavGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled seq2seq agent loads through {@code Navigator.load(null)} and drives an episode of a bundled sample house. */
class BuiltInAgentTest {
    @TempDir Path tmp;

    @Test
    void builtInAgentLoadsAndRunsAnEpisodeOfTheSampleHouse() throws Exception {
        assertTrue(DefaultAgent.available(), "the assets module carries " + DefaultAgent.RESOURCE);
        try (Navigator nav = Navigator.load(null)) {
            assertTrue(nav.vocabulary().size() > 10, "a trained vocabulary");
            assertTrue(nav.config().featureSize() > 0);
        }
        Path houses = HouseSamples.folder();
        Episode e = EpisodeReader.read(houses.resolve("R2R_val_unseen.json")).get(0);
        Path picture = tmp.resolve("route.png");
        ToolRun run = ToolRun.of("run", "--house", houses.toString(), "--scan", e.scan(), "--start", e.start(),
                "--heading", Double.toString(e.heading()), "--goal", e.goal(), "--instruction", e.instructions().get(0),
                "--picture", picture.toString(), "--cache", tmp.resolve("features").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("built-in seq2seq agent"), "says which agent runs: " + run.err());
        assertTrue(Files.size(picture) > 0);
        // the printed route is a walk on the house's graph from the start
        String routeLine = run.out().lines().filter(l -> l.startsWith("route: ")).findFirst().orElseThrow();
        List<String> route = List.of(routeLine.substring("route: ".length()).split(" -> "));
        assertEquals(e.start(), route.get(0));
        NavGraph g = new Connectivity(houses.resolve("connectivity")).graph(e.scan());
        for (int k = 1; k < route.size(); k++) assertTrue(g.isEdge(route.get(k - 1), route.get(k)), "step " + k + " follows an edge");
        assertTrue(run.out().contains("distance to the goal"));
    }
}
