package dev.vlsuite.vqa.training;

import dev.vlsuite.assets.dataset.DialogWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.language.DialogGenerator;
import dev.vlsuite.assets.language.DialogRound;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.shared.metrics.retrieval.VisDialFiles;
import dev.vlsuite.shared.text.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Manual sizing runs of {@link DialogLearningTest}'s set-up (not a test):
 * java ... DialogExperiment DIR HISTORY(true|false) ATTENTION HISTORY_TOKENS EPOCHS HIDDEN [TRAIN_SCENES [BLIND]].
 */
public final class DialogExperiment {
    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        int trainScenes = a.length > 6 ? Integer.parseInt(a[6]) : DialogLearningTest.TRAIN_SCENES;
        var scenes = SyntheticWorld.generate(31, trainScenes + DialogLearningTest.VAL_SCENES, 64, new WorldOptions(2, 2, true));
        if (!Files.exists(dir.resolve(DialogWriter.dialogsFile("train")))) {
            DialogWriter.write(dir, scenes, new Splits(trainScenes / (double) scenes.size(), 1 - trainScenes / (double) scenes.size(), 0.0), () -> { });
        }
        Vocabulary vocab = DialogTraining.vocabulary(VisDialFiles.readDialogs(dir.resolve(DialogWriter.dialogsFile("train"))), 1);
        Map<Long, List<DialogRound>> truth = new HashMap<>();
        for (var s : scenes) truth.put((long) s.id(), DialogGenerator.dialog(s));
        long t0 = System.nanoTime();
        double[] r = DialogLearningTest.run(dir, vocab, Boolean.parseBoolean(a[1]), truth, Integer.parseInt(a[2]),
                Integer.parseInt(a[3]), Integer.parseInt(a[4]), Integer.parseInt(a[5]), a.length > 7 && Boolean.parseBoolean(a[7]));
        System.out.printf("%s: refer-back right %.3f (R@1 %.3f), all right %.3f, MRR %.3f, colour right %.3f (%.0f s)%n", String.join(" ", a),
                r[0], r[3], r[1], r[2], r[4], (System.nanoTime() - t0) / 1e9);
    }
}
