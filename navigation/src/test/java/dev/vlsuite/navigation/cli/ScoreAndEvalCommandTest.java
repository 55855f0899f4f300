package dev.vlsuite.navigation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.navigation.env.Connectivity;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.TinyHouses;
import dev.vlsuite.shared.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreAndEvalCommandTest {
    @TempDir static Path data;

    /** A houses folder in the shared layout: connectivity/ and R2R_<split>.json. */
    @BeforeAll
    static void houses() throws Exception {
        Path conn = data.resolve("connectivity");
        TinyHouses.writeConnectivity(conn, TinyHouses.randomScan("house0001", 4, 5, new Random(1)));
        TinyHouses.writeConnectivity(conn, TinyHouses.randomScan("house0002", 4, 4, new Random(2)));
        Connectivity c = new Connectivity(conn);
        Random r = new Random(5);
        TinyHouses.writeEpisodes(data.resolve("R2R_val_seen.json"), TinyHouses.episodes(c.graph("house0001"), 10, 0, r));
        TinyHouses.writeEpisodes(data.resolve("R2R_val_unseen.json"), TinyHouses.episodes(c.graph("house0002"), 10, 100, r));
    }

    @Test
    void oracleIsPerfectRandomIsNotAndScoreReproducesEval() throws Exception {
        Path out = data.resolve("out");
        ToolRun oracle = ToolRun.of("eval", "--data", data.toString(), "--agent", "oracle", "--out", out.toString(), "--format", "json");
        assertEquals(0, oracle.exit());
        List<String> lines = oracle.out().lines().toList();
        assertEquals(2, lines.size());
        JsonNode seen = Json.MAPPER.readTree(lines.get(0));
        assertEquals(1.0, seen.get("summary").get("success_rate").asDouble());
        assertEquals(1.0, seen.get("summary").get("spl").asDouble(), 1e-9, "the oracle walks shortest paths");
        assertEquals(0.0, seen.get("summary").get("nav_error").asDouble());
        assertEquals(30, seen.get("scored").asInt());

        ToolRun random = ToolRun.of("eval", "--data", data.toString(), "--agent", "random", "--splits", "val_seen", "--out", out.toString(), "--format", "json");
        assertEquals(0, random.exit());
        JsonNode rs = Json.MAPPER.readTree(random.out().trim());
        assertTrue(rs.get("summary").get("success_rate").asDouble() < 0.7, random.out());
        assertTrue(rs.get("summary").get("nav_error").asDouble() > 1.0, random.out());

        ToolRun score = ToolRun.of("score", "--episodes", data.resolve("R2R_val_seen.json").toString(), "--connectivity",
                data.resolve("connectivity").toString(), "--results", out.resolve("val_seen_random.json").toString(), "--format", "json");
        assertEquals(0, score.exit());
        JsonNode sc = Json.MAPPER.readTree(score.out().trim());
        assertEquals(rs.get("summary"), sc.get("summary"), "score on the written file gives eval's numbers");
        assertEquals(30, sc.get("items").size());
        assertTrue(sc.get("items").get(0).has("oracle_error"));

        ToolRun text = ToolRun.of("score", "--episodes", data.resolve("R2R_val_seen.json").toString(), "--connectivity",
                data.resolve("connectivity").toString(), "--results", out.resolve("val_seen_oracle.json").toString());
        assertEquals(0, text.exit());
        assertTrue(text.out().contains("oracle success_rate  1.0000"), text.out());
        assertTrue(text.out().startsWith("instr_id\tnav_error"), text.out());
        assertEquals(32, text.out().lines().filter(l -> l.matches("\\d+_\\d\t.*|instr_id.*")).count() + 1);
    }

    @Test
    void refusedResultsExitOneAndBadUsageTwo() throws Exception {
        Path results = data.resolve("bad.json");
        Files.writeString(results, "[{\"instr_id\": \"0_0\", \"trajectory\": [[\"nowhere\", 0, 0]]}]");
        ToolRun r = ToolRun.of("score", "--episodes", data.resolve("R2R_val_seen.json").toString(), "--connectivity",
                data.resolve("connectivity").toString(), "--results", results.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(results + ": 0_0: ") && r.err().contains("not at the episode's start"), r.err());
        assertTrue(r.err().contains("no trajectory for 29 expected instruction ids"), r.err());
        assertTrue(r.out().contains("no official summary"), r.out());
        assertEquals(2, ToolRun.of("score", "--episodes", "nope.json", "--connectivity", data.toString(), "--results", results.toString()).exit());
        Files.writeString(results, "{oops");
        ToolRun broken = ToolRun.of("score", "--episodes", data.resolve("R2R_val_seen.json").toString(), "--connectivity",
                data.resolve("connectivity").toString(), "--results", results.toString());
        assertEquals(2, broken.exit());
        assertTrue(broken.err().contains(results.toString()), broken.err());
        assertEquals(2, ToolRun.of("eval", "--data", data.toString(), "--agent", "psychic").exit());
        assertEquals(2, ToolRun.of("score").exit());
    }
}
