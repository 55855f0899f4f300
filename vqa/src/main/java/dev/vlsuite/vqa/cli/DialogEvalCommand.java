package dev.vlsuite.vqa.cli;

import ai.djl.Device;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.metrics.retrieval.DialogScores;
import dev.vlsuite.shared.metrics.retrieval.VisDialEvaluator;
import dev.vlsuite.shared.metrics.retrieval.VisDialFiles;
import dev.vlsuite.shared.metrics.retrieval.VisDialFormatException;
import dev.vlsuite.shared.metrics.retrieval.VisDialReport;
import dev.vlsuite.shared.vision.Backbones;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.shared.vision.FeatureExtractor;
import dev.vlsuite.vqa.api.VisualDialog;
import dev.vlsuite.vqa.data.DialogSet;
import dev.vlsuite.vqa.model.LateFusionConfig;
import dev.vlsuite.vqa.training.DialogScorer;
import dev.vlsuite.vqa.training.DialogTraining;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vqa dialog-eval}: score every round of a VisDial file with a dialog model; write scores and ranks; print the metrics. */
@Command(name = "dialog-eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rank the 100 options of every round of a VisDial v1.0 dialogs file with a trained dialog model,",
                "write the scores file (val layout) and the EvalAI ranks file, and print the official metrics",
                "(R@1/5/10, mean rank, MRR; NDCG with --dense). Dialogs whose image is missing are reported and skipped (exit 1)."})
final class DialogEvalCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Dialog model bundle from dialog-train.")
    Path model;

    @Option(names = "--dialogs", required = true, paramLabel = "FILE", description = "VisDial v1.0 dialogs JSON (val or test).")
    Path dialogs;

    @Option(names = "--dense", paramLabel = "FILE", description = "Dense annotations JSON (val): adds NDCG.")
    Path dense;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Images root.")
    Path images;

    @Option(names = "--scores", paramLabel = "FILE", description = "Write the scores here ([{image_id, scores: [rounds][100]}]).")
    Path scoresOut;

    @Option(names = "--ranks", paramLabel = "FILE", description = "Write the EvalAI ranks file here.")
    Path ranksOut;

    @Option(names = "--cache", paramLabel = "DIR", description = "Feature cache (default: a temporary one).")
    Path cacheDir;

    @Option(names = "--decoder", paramLabel = "disc|gen", description = "The head that ranks (a --decoder both model has the two; default: disc when the model has it).")
    String decoder;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) throw new UsageException("--format: expected text or json, got '" + format + "'");
        int[] bad = {0};
        java.util.function.Consumer<String> onBad = line -> {
            err.println(line);
            err.flush();
            bad[0]++;
        };
        Device device = engine.apply();
        Path tempCache = cacheDir == null ? Files.createTempDirectory("vlsuite-dialog-features") : null;
        try (VisualDialog dialog = VisualDialog.load(model, device)) {
            LateFusionConfig c = dialog.config();
            if (decoder != null) dialog.useDecoder(decoder.toLowerCase(Locale.ROOT));
            try (FeatureExtractor fx = Backbones.open(c.backbone(), device, c.imageSize());
                 FeatureCache cache = FeatureCache.open(cacheDir != null ? cacheDir : tempCache, fx)) {
                DialogSet set = DialogSet.read(dialogs, dense, images, dialog.vocabulary(), c.maxQuestion(), c.maxAnswer(), c.maxHistory(), onBad);
                cache.ensure(set.images(), onBad);
                List<Integer> missing = new ArrayList<>();
                for (int i = 0; i < set.images().size(); i++) if (!cache.contains(set.images().get(i))) missing.add(i);
                if (!missing.isEmpty()) throw new UsageException(dialogs + ": " + missing.size() + " images could not be read (listed above)");
                List<DialogScores> scores = DialogScorer.score(dialog.net(), dialog.parameters(), set,
                        DialogTraining.vectors(cache, c, dialog.manager()), 256, dialog.manager(), dialog.generative());
                VisDialReport report = VisDialEvaluator.evaluate(set.data(), set.dense(), scores, "model scores");
                if (scoresOut != null) VisDialFiles.writeScores(scoresOut, scores);
                if (ranksOut != null) VisDialFiles.writeRanks(ranksOut, report.ranks());
                out.print(f.equals("json") ? report.toJson() + System.lineSeparator() : report.toText());
                out.flush();
                return bad[0] > 0 ? ExitCodes.SOME_INPUTS_FAILED : ExitCodes.OK;
            }
        } catch (BundleException | VisDialFormatException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        } finally {
            if (tempCache != null) deleteTree(tempCache);
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
