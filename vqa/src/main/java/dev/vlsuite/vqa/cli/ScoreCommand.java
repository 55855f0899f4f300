package dev.vlsuite.vqa.cli;

import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.metrics.vqa.VqaAccuracy;
import dev.vlsuite.shared.metrics.vqa.VqaFiles;
import dev.vlsuite.shared.metrics.vqa.VqaFormatException;
import dev.vlsuite.shared.metrics.vqa.VqaReport;
import dev.vlsuite.shared.metrics.vqa.VqaResultsRejectedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vqa score}: the official VQA evaluation of a results file (shared.metrics.vqa). */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score a results file [{\"question_id\", \"answer\"}] with the official VQA accuracy (vqaEval.py):",
                "overall, per answer type and per question type; --format json adds the per-question accuracies.",
                "A results file the official loader would reject (missing or extra question ids, answers that are not",
                "strings) is reported with the file and the ids (exit code 1); unreadable files are usage errors (2)."})
final class ScoreCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--questions", required = true, paramLabel = "FILE", description = "VQA questions JSON.")
    Path questions;

    @Option(names = "--annotations", required = true, paramLabel = "FILE", description = "VQA annotations JSON.")
    Path annotations;

    @Option(names = "--results", required = true, paramLabel = "FILE", description = "Results JSON: [{\"question_id\", \"answer\"}].")
    Path results;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--verbose", hidden = true)
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) throw new UsageException("--format: expected text or json, got '" + format + "'");
        VqaReport report;
        try {
            report = VqaAccuracy.evaluate(VqaFiles.readQuestions(questions), VqaFiles.readAnnotations(annotations),
                    VqaFiles.readResults(results));
        } catch (VqaResultsRejectedException e) {
            err.println("vqa score: " + e.getMessage());
            err.flush();
            return ExitCodes.SOME_INPUTS_FAILED;
        } catch (VqaFormatException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        out.print(f.equals("json") ? report.toJson() + System.lineSeparator() : report.toText());
        out.flush();
        return ExitCodes.OK;
    }
}
