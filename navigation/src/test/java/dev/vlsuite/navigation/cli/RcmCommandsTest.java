package dev.vlsuite.navigation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.navigation.env.Connectivity;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.TinyHouses;
import dev.vlsuite.navigation.env.Viewpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --arch speaker}, {@code train --arch rcm}, {@code train --arch rcm --rl --init --speaker}, then
 * {@code eval --agent rcm} and {@code run} with the rcm bundle (dispatch on the saved arch), on the tiny TSV houses
 * (as {@link TrainRunCommandTest}'s); usage errors for the wrong combinations.
 */
class RcmCommandsTest {
    @TempDir Path data;

    /** Two tiny houses with random TSV features: one to train on, one unseen; the validation episodes. */
    static List<Episode> houses(Path data) throws Exception {
        Path conn = data.resolve("connectivity");
        TinyHouses.writeConnectivity(conn, TinyHouses.randomScan("house0001", 3, 4, new Random(1)));
        TinyHouses.writeConnectivity(conn, TinyHouses.randomScan("house0002", 3, 3, new Random(2)));
        Connectivity c = new Connectivity(conn);
        Random r = new Random(3);
        TinyHouses.writeEpisodes(data.resolve("R2R_train.json"), TinyHouses.episodes(c.graph("house0001"), 12, 0, r));
        List<Episode> val = TinyHouses.episodes(c.graph("house0002"), 4, 100, r);
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
        return val;
    }
    static String[] args(Path data, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--data", data.toString(), "--features", data.resolve("features.tsv").toString(),
                "--embed", "8", "--hidden", "8", "--min-count", "1", "--epochs", "1", "--batch", "8", "--device", "cpu", "--threads", "1"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void speakerImitationRlThenEvalAndRun() throws Exception {
        List<Episode> val = houses(data);
        Path speaker = data.resolve("speaker.vlm"), rcm = data.resolve("rcm.vlm"), rl = data.resolve("rcm-rl.vlm");
        ToolRun s = ToolRun.of(args(data, "--arch", "speaker", "--out", speaker.toString()));
        assertEquals(0, s.exit());
        assertTrue(s.out().contains("best word_nll"), s.out());
        ToolRun il = ToolRun.of(args(data, "--arch", "rcm", "--out", rcm.toString()));
        assertEquals(0, il.exit());
        assertTrue(il.err().contains("rcm imitation") && il.out().contains("best success_rate"), il.err() + il.out());
        ToolRun r = ToolRun.of(args(data, "--arch", "rcm", "--rl", "--init", rcm.toString(), "--speaker", speaker.toString(), "--out", rl.toString()));
        assertEquals(0, r.exit());
        assertTrue(r.err().contains("RL fine-tuning") && r.err().contains("speaker critic"), r.err());

        ToolRun eval = ToolRun.of("eval", "--data", data.toString(), "--splits", "val_unseen", "--agent", "rcm", "--model", rl.toString(),
                "--features", data.resolve("features.tsv").toString(), "--out", data.resolve("rcm-out").toString(), "--device", "cpu");
        assertEquals(0, eval.exit());
        assertTrue(eval.out().contains("split val_unseen (rcm)") && eval.out().contains("spl"), eval.out());
        assertTrue(Files.exists(data.resolve("rcm-out/val_unseen_rcm.json")));
        ToolRun score = ToolRun.of("score", "--episodes", data.resolve("R2R_val_unseen.json").toString(), "--connectivity",
                data.resolve("connectivity").toString(), "--results", data.resolve("rcm-out/val_unseen_rcm.json").toString(), "--summary-only");
        assertEquals(0, score.exit(), "panoramic trajectories are valid official output");

        Episode e = val.get(0);
        ToolRun run = ToolRun.of("run", "--house", data.toString(), "--scan", e.scan(), "--start", e.start(), "--goal", e.goal(),
                "--instruction", e.instructions().get(0), "--model", rcm.toString(), "--features", data.resolve("features.tsv").toString(),
                "--picture", data.resolve("rcm-route.png").toString(), "--device", "cpu");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("route: " + e.start()), run.out());

        assertEquals(2, ToolRun.of(args(data, "--arch", "rcm", "--rl", "--out", data.resolve("x.vlm").toString())).exit(), "--rl needs --init");
        assertEquals(2, ToolRun.of(args(data, "--arch", "seq2seq", "--speaker", speaker.toString(), "--out", data.resolve("y.vlm").toString())).exit());
        assertEquals(2, ToolRun.of(args(data, "--arch", "lstm", "--out", data.resolve("z.vlm").toString())).exit());
        assertEquals(2, ToolRun.of("eval", "--data", data.toString(), "--agent", "rcm").exit(), "no built-in rcm agent");
        assertEquals(2, ToolRun.of("eval", "--data", data.toString(), "--splits", "val_unseen", "--agent", "rcm", "--model", rl.toString(),
                "--beam", "3").exit(), "beam search is for seq2seq only: a usage error, not a crash");
        assertEquals(2, ToolRun.of(args(data, "--arch", "rcm", "--rl", "--init", speaker.toString(), "--out", data.resolve("w.vlm").toString())).exit(),
                "a speaker bundle is not an rcm model to start from");
    }
}
