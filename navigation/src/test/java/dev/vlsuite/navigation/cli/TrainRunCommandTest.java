package dev.vlsuite.navigation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.navigation.env.Connectivity;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.TinyHouses;
import dev.vlsuite.navigation.env.Viewpoint;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train -> eval -> run on a houses folder with baseline-layout TSV features: the commands work together. */
class TrainRunCommandTest {
    @TempDir static Path data;
    static List<Episode> val;

    @BeforeAll
    static void houses() throws Exception {
        Path conn = data.resolve("connectivity");
        TinyHouses.writeConnectivity(conn, TinyHouses.randomScan("house0001", 3, 4, new Random(1)));
        TinyHouses.writeConnectivity(conn, TinyHouses.randomScan("house0002", 3, 3, new Random(2)));
        Connectivity c = new Connectivity(conn);
        Random r = new Random(3);
        TinyHouses.writeEpisodes(data.resolve("R2R_train.json"), TinyHouses.episodes(c.graph("house0001"), 12, 0, r));
        val = TinyHouses.episodes(c.graph("house0002"), 4, 100, r);
        TinyHouses.writeEpisodes(data.resolve("R2R_val_unseen.json"), val);
        Map<String[], float[]> feats = new LinkedHashMap<>();
        for (String scan : List.of("house0001", "house0002")) {
            for (Viewpoint v : c.graph(scan).viewpoints()) {
                float[] f = new float[36 * 6];
                for (int i = 0; i < f.length; i++) f[i] = r.nextFloat();
                feats.put(new String[] {scan, v.id()}, f);
            }
        }
        dev.vlsuite.navigation.env.TsvViewFeatures.write(data.resolve("features.tsv"), feats);
        Files.writeString(data.resolve("houses.json"), """
            {"scans": [{"scan": "house0002", "rooms": [{"name": "kitchen", "colour": "blue", "polygon": [[-1,-1],[3,-1],[3,5],[-1,5]]},
              {"name": "bedroom", "colour": "red", "polygon": [[3,-1],[5,-1],[5,5],[3,5]]}], "viewpoints": []}],
             "splits": {"train": ["house0001"], "val_seen": [], "val_unseen": ["house0002"]}}""");
    }

    @Test
    void trainEvalRunAndResume() throws Exception {
        Path model = data.resolve("agent.vlm");
        String[] train = {"train", "--data", data.toString(), "--features", data.resolve("features.tsv").toString(), "--out", model.toString(),
                "--embed", "8", "--hidden", "8", "--action-embed", "4", "--min-count", "1", "--epochs", "1", "--batch", "8",
                "--max-actions", "6", "--device", "cpu", "--threads", "1"};
        ToolRun t = ToolRun.of(train);
        assertEquals(0, t.exit());
        assertTrue(Files.size(model) > 0);
        assertTrue(t.out().contains("trained 5 steps"), t.out());
        assertEquals(2, ToolRun.of(train).exit(), "an earlier run is not overwritten without --resume");

        ToolRun eval = ToolRun.of("eval", "--data", data.toString(), "--splits", "val_unseen", "--agent", "seq2seq", "--model", model.toString(),
                "--features", data.resolve("features.tsv").toString(), "--out", data.resolve("out").toString(), "--device", "cpu");
        assertEquals(0, eval.exit());
        assertTrue(eval.out().contains("split val_unseen (seq2seq)") && eval.out().contains("success_rate"), eval.out());
        assertTrue(Files.exists(data.resolve("out/val_unseen_seq2seq.json")));
        ToolRun score = ToolRun.of("score", "--episodes", data.resolve("R2R_val_unseen.json").toString(), "--connectivity",
                data.resolve("connectivity").toString(), "--results", data.resolve("out/val_unseen_seq2seq.json").toString(), "--summary-only");
        assertEquals(0, score.exit(), "the agent's trajectories are valid official output");
        ToolRun beam = ToolRun.of("eval", "--data", data.toString(), "--splits", "val_unseen", "--agent", "seq2seq", "--model", model.toString(),
                "--features", data.resolve("features.tsv").toString(), "--out", data.resolve("beam").toString(), "--device", "cpu", "--beam", "3");
        assertEquals(0, beam.exit(), beam.err());
        assertTrue(beam.out().contains("success_rate"), beam.out());
        assertEquals(0, ToolRun.of("score", "--episodes", data.resolve("R2R_val_unseen.json").toString(), "--connectivity",
                data.resolve("connectivity").toString(), "--results", data.resolve("beam/val_unseen_seq2seq.json").toString(), "--summary-only").exit(),
                "beam trajectories are valid official output");
        assertEquals(2, ToolRun.of("eval", "--data", data.toString(), "--agent", "seq2seq", "--model", model.toString(), "--beam", "0").exit());

        Episode e = val.get(0);
        Path pic = data.resolve("route.png");
        ToolRun run = ToolRun.of("run", "--house", data.toString(), "--scan", e.scan(), "--start", e.start(), "--goal", e.goal(),
                "--instruction", e.instructions().get(0), "--model", model.toString(), "--features", data.resolve("features.tsv").toString(),
                "--picture", pic.toString(), "--device", "cpu", "--save-views", data.resolve("seen").toString());
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("start " + e.start()), run.out());
        assertTrue(run.out().contains("route: " + e.start()) && run.out().contains("distance to the goal"), run.out());
        BufferedImage img = ImageIO.read(pic.toFile());
        assertEquals(512, img.getWidth());
        int blueish = 0;
        for (int y = 0; y < 512; y += 4) for (int x = 0; x < 512; x += 4) if ((img.getRGB(x, y) & 0xFFFFFF) == 0x64B5F6) blueish++;
        assertTrue(blueish > 100, "the blue kitchen of houses.json is drawn");
        assertTrue(run.err().contains("no rendered view for step 0"), "this house has TSV features only: " + run.err());

        assertEquals(2, ToolRun.of("run", "--house", data.toString(), "--scan", e.scan(), "--start", e.start(), "--instruction", "go",
                "--features", data.resolve("features.tsv").toString()).exit(), "no built-in model yet: a clear usage error");
        ToolRun more = ToolRun.of(withEpochs(train, "2", "--resume"));
        assertEquals(0, more.exit());
        assertTrue(more.out().contains("trained 10 steps"), more.out());
        Files.delete(model);
        ToolRun again = ToolRun.of(withEpochs(train, "2", "--resume"));
        assertEquals(0, again.exit(), "resuming a finished run is not an error");
        assertTrue(again.out().contains("has already finished (10 steps"), again.out());
        assertTrue(Files.size(model) > 0, "the finished run's model is given back to OUT");
    }

    static String[] withEpochs(String[] args, String epochs, String extra) {
        List<String> a = new java.util.ArrayList<>(List.of(args));
        a.set(a.indexOf("--epochs") + 1, epochs);
        a.add(extra);
        return a.toArray(String[]::new);
    }

}
