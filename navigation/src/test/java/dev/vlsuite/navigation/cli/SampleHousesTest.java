package dev.vlsuite.navigation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.HouseSamples;
import dev.vlsuite.navigation.env.Connectivity;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.EpisodeReader;
import dev.vlsuite.navigation.env.NavGraph;
import dev.vlsuite.shared.io.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled synthetic houses (assets) read through this module: the shared layout contract holds end to end. */
class SampleHousesTest {
    @Test
    void episodesAreShortestPathsOfTheOfficialGraphAndTheOracleIsPerfect() throws Exception {
        Path houses = HouseSamples.folder();
        Connectivity c = new Connectivity(houses.resolve("connectivity"));
        for (String split : List.of("train", "val_seen", "val_unseen")) {
            for (Episode e : EpisodeReader.read(houses.resolve("R2R_" + split + ".json"))) {
                NavGraph g = c.graph(e.scan());
                assertEquals(g.distance(e.start(), e.goal()), e.distance(), 1e-3, "distance of path " + e.pathId());
                for (int k = 1; k < e.path().size(); k++) assertTrue(g.isEdge(e.path().get(k - 1), e.path().get(k)));
                assertEquals(3, e.instructions().size());
            }
        }
        // excluded viewpoints keep their flags in the files but are not in the graph
        int excluded = 0;
        for (String scan : HouseSamples.scans()) {
            JsonNode file = Json.MAPPER.readTree(houses.resolve("connectivity").resolve(scan + "_connectivity.json").toFile());
            for (JsonNode vp : file) {
                if (!vp.get("included").asBoolean()) {
                    excluded++;
                    assertFalse(c.graph(scan).contains(vp.get("image_id").asText()));
                }
            }
        }
        assertTrue(excluded > 0, "the sample houses hold excluded viewpoints (flagged unobstructed to their neighbours)");
        ToolRun oracle = ToolRun.of("eval", "--data", houses.toString(), "--agent", "oracle", "--format", "json");
        assertEquals(0, oracle.exit());
        for (String line : oracle.out().lines().toList()) {
            JsonNode s = Json.MAPPER.readTree(line).get("summary");
            assertEquals(1.0, s.get("success_rate").asDouble());
            assertEquals(1.0, s.get("spl").asDouble(), 1e-9);
        }
    }
}
