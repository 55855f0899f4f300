package dev.vlsuite.assets.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.shared.metrics.retrieval.DenseAnnotation;
import dev.vlsuite.shared.metrics.retrieval.DialogScores;
import dev.vlsuite.shared.metrics.retrieval.VisDialData;
import dev.vlsuite.shared.metrics.retrieval.VisDialDialog;
import dev.vlsuite.shared.metrics.retrieval.VisDialEvaluator;
import dev.vlsuite.shared.metrics.retrieval.VisDialFiles;
import dev.vlsuite.shared.metrics.retrieval.VisDialReport;
import dev.vlsuite.shared.metrics.retrieval.VisDialRound;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written files read back with the official-format readers and score as the metrics say they should. */
class DialogWriterTest {
    private static final List<Scene> SCENES = SyntheticWorld.generate(21, 40, 64);

    @Test
    void writesVisDialFilesTheOfficialReadersAccept(@TempDir Path dir) throws Exception {
        DialogWriter.Written w = DialogWriter.write(dir, SCENES, new Splits(0.5, 0.25, 0.25), () -> {});
        assertEquals(40, w.images());
        assertEquals(10, w.denseRounds());
        for (Scene s : SCENES) assertTrue(Files.isRegularFile(dir.resolve("images").resolve(SceneWriter.filename(s))));

        VisDialData val = VisDialFiles.readDialogs(dir.resolve("visdial_1.0_val.json"));
        assertEquals("val2018", val.split());
        assertEquals(10, val.dialogs().size());
        for (VisDialDialog d : val.dialogs()) {
            assertEquals(10, d.numRounds());
            for (VisDialRound r : d.rounds()) {
                assertEquals(100, r.answerOptions().length);
                assertEquals(100, new HashSet<>(java.util.Arrays.stream(r.answerOptions()).boxed().toList()).size(), "distinct options");
                assertEquals(r.answer(), r.answerOptions()[r.gtIndex()]);
            }
        }
        List<DenseAnnotation> dense = VisDialFiles.readDenseAnnotations(dir.resolve(DialogWriter.DENSE_JSON));
        Map<Long, DenseAnnotation> denseById = new HashMap<>();
        for (DenseAnnotation a : dense) denseById.put(a.imageId(), a);

        // an oracle that scores each option by its dense relevance (and the ground truth highest) gets R@1 = 1 and NDCG = 1
        List<DialogScores> oracle = new ArrayList<>();
        List<DialogScores> blind = new ArrayList<>();
        for (VisDialDialog d : val.dialogs()) {
            float[][] o = new float[10][100];
            float[][] b = new float[10][100];
            for (int r = 0; r < 10; r++) {
                VisDialRound round = d.rounds().get(r);
                DenseAnnotation a = denseById.get(d.imageId());
                for (int k = 0; k < 100; k++) {
                    o[r][k] = (a != null && a.roundId() == r + 1 ? a.relevance()[k] : 0) + (k == round.gtIndex() ? 2 : 0);
                    b[r][k] = -round.answerOptions()[k]; // ignores the question: pool order only
                }
                assertEquals(1f, a == null || a.roundId() != r + 1 ? 1f : a.relevance()[round.gtIndex()], 0, "the ground truth is fully relevant");
            }
            oracle.add(new DialogScores(d.imageId(), 0, o));
            blind.add(new DialogScores(d.imageId(), 0, b));
        }
        VisDialReport best = VisDialEvaluator.evaluate(val, dense, oracle, "oracle");
        assertEquals(1f, best.sparse().r1(), 0);
        assertEquals(1f, best.ndcg(), 1e-6);
        VisDialReport baseline = VisDialEvaluator.evaluate(val, dense, blind, "blind");
        assertTrue(baseline.sparse().mrr() < 0.5f && baseline.ndcg() < 0.8f, baseline.toText());

        // test dialogs: 1-10 rounds, the last one with options and no answer, padded to 10 by the reader
        VisDialData test = VisDialFiles.readDialogs(dir.resolve("visdial_1.0_test.json"));
        assertTrue(test.isTest());
        int shortDialogs = 0;
        for (VisDialDialog d : test.dialogs()) {
            VisDialRound last = d.rounds().get(d.numRounds() - 1);
            assertEquals(-1, last.answer());
            assertEquals(-1, last.gtIndex());
            assertTrue(last.answerOptions()[0] >= 0);
            if (d.numRounds() < 10) {
                shortDialogs++;
                assertEquals(-1, d.rounds().get(9).question());
            }
        }
        assertTrue(shortDialogs > 0);
    }

    @Test
    void sameSeedSameBytes(@TempDir Path dir) throws Exception {
        DialogWriter.write(dir.resolve("a"), SCENES.subList(0, 8), Splits.DEFAULT, () -> {});
        DialogWriter.write(dir.resolve("b"), SyntheticWorld.generate(21, 8, 64), Splits.DEFAULT, () -> {});
        for (String f : List.of("visdial_1.0_train.json", "visdial_1.0_val.json", DialogWriter.DENSE_JSON)) {
            if (Files.exists(dir.resolve("a").resolve(f))) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
            }
        }
    }
}
