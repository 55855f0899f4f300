package dev.vlsuite.vqa.cli;

import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.metrics.retrieval.DenseAnnotation;
import dev.vlsuite.shared.metrics.retrieval.VisDialData;
import dev.vlsuite.shared.metrics.retrieval.VisDialEvaluator;
import dev.vlsuite.shared.metrics.retrieval.VisDialFiles;
import dev.vlsuite.shared.metrics.retrieval.VisDialFormatException;
import dev.vlsuite.shared.metrics.retrieval.VisDialReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vqa dialog-score}: the official VisDial v1.0 metrics of a scores file (shared.metrics.retrieval). */
@Command(name = "dialog-score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score a VisDial scores file with the official metrics (visdial-challenge-starter-pytorch",
                "metrics.py): R@1/5/10, mean rank, MRR over every round, NDCG on the dense rounds.",
                "Scores: val [{\"image_id\", \"scores\": [rounds][100]}] or test [{\"image_id\", \"round_id\", \"scores\": [100]}].",
                "--ranks writes the EvalAI file [{\"image_id\", \"round_id\", \"ranks\": [100]}] (1-based ranks).",
                "Scores that do not fit the dialogs (missing or extra image ids, wrong lengths) are reported with the",
                "file (exit code 1); unreadable files are usage errors (2)."})
final class DialogScoreCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--dialogs", required = true, paramLabel = "FILE", description = "VisDial v1.0 dialogs JSON (val or test).")
    Path dialogs;

    @Option(names = "--dense", paramLabel = "FILE", description = "Dense annotations JSON (val); without it no NDCG.")
    Path dense;

    @Option(names = "--scores", required = true, paramLabel = "FILE", description = "Model scores JSON (larger is better).")
    Path scores;

    @Option(names = "--ranks", paramLabel = "FILE", description = "Write the EvalAI ranks file here.")
    Path ranks;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) throw new UsageException("--format: expected text or json, got '" + format + "'");
        VisDialData data;
        List<DenseAnnotation> annotations;
        List<dev.vlsuite.shared.metrics.retrieval.DialogScores> scored;
        try {
            data = VisDialFiles.readDialogs(dialogs);
            annotations = dense == null ? List.of() : VisDialFiles.readDenseAnnotations(dense);
            scored = VisDialFiles.readScores(scores);
        } catch (VisDialFormatException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        VisDialReport report;
        try {
            report = VisDialEvaluator.evaluate(data, annotations, scored, scores.toString());
        } catch (VisDialFormatException e) {
            // the files parse but the scores do not fit the dialogs: a bad input, not a bad command line
            err.println("vqa dialog-score: " + e.getMessage());
            err.flush();
            return ExitCodes.SOME_INPUTS_FAILED;
        }
        if (ranks != null) VisDialFiles.writeRanks(ranks, report.ranks());
        out.print(f.equals("json") ? report.toJson() + System.lineSeparator() : report.toText());
        out.flush();
        return ExitCodes.OK;
    }
}
