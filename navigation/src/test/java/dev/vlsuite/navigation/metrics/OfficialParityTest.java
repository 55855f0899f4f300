package dev.vlsuite.navigation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.navigation.env.Connectivity;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.EpisodeReader;
import dev.vlsuite.navigation.env.NavGraph;
import dev.vlsuite.navigation.env.TinyHouses;
import dev.vlsuite.navigation.env.Trajectories;
import dev.vlsuite.navigation.env.Trajectory;
import dev.vlsuite.navigation.env.TrajectoryStep;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java scores against the official algorithm (eval.py + load_nav_graphs, written in Python from R2R-EVAL.md:
 * src/test/resources/.../r2r_eval_reference.py) on generated houses, episodes and trajectories, including
 * duplicates, unknown ids, 4th instructions and the inputs the official code rejects.
 */
class OfficialParityTest {
    @TempDir static Path tmp;
    static Path script;

    @BeforeAll
    static void python() throws Exception {
        script = tmp.resolve("r2r_eval_reference.py");
        try (InputStream in = OfficialParityTest.class.getResourceAsStream("/dev/vlsuite/navigation/r2r_eval_reference.py")) {
            Files.copy(in, script);
        }
    }

    static boolean pythonWithNumpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static JsonNode reference(Path conn, Path results, List<Path> episodes) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), conn.toString(), results.toString()));
        episodes.forEach(e -> cmd.add(e.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return Json.MAPPER.readTree(out);
    }

    /** A random walk along edges from the episode's start, sometimes turning in place, sometimes heading for the goal. */
    static Trajectory walk(NavGraph g, Episode e, String id, Random r) {
        List<TrajectoryStep> steps = new ArrayList<>();
        String v = e.start();
        steps.add(new TrajectoryStep(v, r.nextDouble(), 0));
        int mode = r.nextInt(3);
        if (mode == 0) {
            for (String p : g.shortestPath(e.start(), e.goal()).subList(1, e.path().size())) steps.add(new TrajectoryStep(p, 0, 0));
        }
        int moves = mode == 0 ? r.nextInt(2) : 1 + r.nextInt(8);
        if (mode == 0) v = e.goal();
        for (int i = 0; i < moves; i++) {
            if (r.nextDouble() < 0.3) steps.add(new TrajectoryStep(v, r.nextDouble(), 0.5));   // turning in place
            List<String> n = g.neighbours(v);
            v = n.get(r.nextInt(n.size()));
            steps.add(new TrajectoryStep(v, r.nextDouble(), 0));
        }
        return new Trajectory(id, steps);
    }

    @Test
    void summaryAndPerItemValuesMatchTheOfficialAlgorithm() throws Exception {
        assumeTrue(pythonWithNumpy(), "skipped: python3 with numpy is not available to run the official algorithm");
        for (int seed = 0; seed < 3; seed++) {
            Random r = new Random(100 + seed);
            Path dir = Files.createDirectories(tmp.resolve("case" + seed));
            Path conn = dir.resolve("connectivity");
            TinyHouses.writeConnectivity(conn, TinyHouses.randomScan("house0001", 4, 5, new Random(seed)));
            TinyHouses.writeConnectivity(conn, TinyHouses.randomScan("house0002", 3, 6, new Random(seed + 50)));
            Connectivity c = new Connectivity(conn);
            List<Episode> a = TinyHouses.episodes(c.graph("house0001"), 12, 0, r);
            List<Episode> b = TinyHouses.episodes(c.graph("house0002"), 9, 1000, r);
            Path fa = TinyHouses.writeEpisodes(dir.resolve("R2R_val_seen.json"), a);
            Path fb = TinyHouses.writeEpisodes(dir.resolve("R2R_val_unseen.json"), b);
            List<Episode> all = new ArrayList<>(EpisodeReader.read(fa));
            all.addAll(EpisodeReader.read(fb));
            List<Trajectory> out = new ArrayList<>();
            for (Episode e : all) {
                for (int i = 0; i < 3; i++) out.add(walk(c.graph(e.scan()), e, e.instrId(i), r));
                if (r.nextDouble() < 0.3) out.add(walk(c.graph(e.scan()), e, e.instrId(3), r));          // 4th: ignored
                if (r.nextDouble() < 0.3) out.add(walk(c.graph(e.scan()), e, e.instrId(r.nextInt(3)), r)); // duplicate
            }
            out.add(new Trajectory("424242_0", List.of(new TrajectoryStep("nowhere", 0, 0))));             // unknown path
            Collections.shuffle(out, r);
            Path results = dir.resolve("results.json");
            Trajectories.write(results, out);

            JsonNode ref = reference(conn, results, List.of(fa, fb));
            Scores s = new R2RScorer(all, c).score(Trajectories.read(results));
            assertTrue(s.official(), s.problems() + " " + s.missing());
            assertFalse(ref.has("error"), ref.toString());
            for (Map.Entry<String, Double> m : s.summary().entrySet()) {
                assertEquals(ref.get("summary").get(m.getKey()).asDouble(), m.getValue(), 1e-9, "seed " + seed + " " + m.getKey());
            }
            List<ItemScore> items = s.items();
            assertEquals(ref.get("nav_errors").size(), items.size());
            for (int i = 0; i < items.size(); i++) {
                assertEquals(ref.get("nav_errors").get(i).asDouble(), items.get(i).navError(), 1e-9);
                assertEquals(ref.get("oracle_errors").get(i).asDouble(), items.get(i).oracleError(), 1e-9);
                assertEquals(ref.get("trajectory_lengths").get(i).asDouble(), items.get(i).trajectoryLength(), 1e-9);
                assertEquals(ref.get("shortest_path_lengths").get(i).asDouble(), items.get(i).shortestPathLength(), 1e-9);
            }
            double sr = s.summary().get("success_rate");
            assertTrue(sr > 0.1 && sr < 0.9, "the generated trajectories mix successes and failures: " + sr);
        }
    }

    @Test
    void rejectsWhatTheOfficialAlgorithmRejects() throws Exception {
        assumeTrue(pythonWithNumpy(), "skipped: python3 with numpy is not available to run the official algorithm");
        Random r = new Random(7);
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Path conn = dir.resolve("connectivity");
        TinyHouses.Scan scan = TinyHouses.randomScan("house0003", 3, 4, new Random(7));
        TinyHouses.writeConnectivity(conn, scan);
        Connectivity c = new Connectivity(conn);
        NavGraph g = c.graph("house0003");
        List<Episode> eps = TinyHouses.episodes(g, 3, 0, r);
        Path fe = TinyHouses.writeEpisodes(dir.resolve("R2R_val_seen.json"), eps);
        String isolated = scan.ids().get(scan.ids().size() - 1);
        String far = g.viewpoints().stream().map(v -> v.id()).filter(v -> !g.isEdge(eps.get(0).start(), v) && !v.equals(eps.get(0).start())).findFirst().orElseThrow();
        List<List<TrajectoryStep>> breakers = List.of(
                List.of(new TrajectoryStep(eps.get(0).start(), 0, 0), new TrajectoryStep(far, 0, 0)),        // teleport
                List.of(new TrajectoryStep(eps.get(0).goal(), 0, 0)),                                          // wrong start
                List.of(new TrajectoryStep(eps.get(0).start(), 0, 0), new TrajectoryStep(isolated, 0, 0)));  // not in graph
        for (int k = 0; k <= breakers.size(); k++) {
            List<Trajectory> out = new ArrayList<>();
            for (Episode e : eps) for (int i = 0; i < 3; i++) out.add(walk(g, e, e.instrId(i), r));
            if (k < breakers.size()) out.set(1, new Trajectory(out.get(1).instrId(), breakers.get(k)));
            else out.remove(4);                                                                                  // missing id
            Path results = dir.resolve("results" + k + ".json");
            Trajectories.write(results, out);
            JsonNode ref = reference(conn, results, List.of(fe));
            Scores s = new R2RScorer(EpisodeReader.read(fe), c).score(Trajectories.read(results));
            assertTrue(ref.has("error"), "case " + k + ": the official algorithm raises: " + ref);
            assertFalse(s.official(), "case " + k);
            assertEquals(k < breakers.size() ? 1 : 0, s.problems().size(), s.problems().toString());
            assertEquals(k < breakers.size() ? 0 : 1, s.missing().size());
        }
    }
}
