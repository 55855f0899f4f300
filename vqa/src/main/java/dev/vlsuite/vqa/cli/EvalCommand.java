package dev.vlsuite.vqa.cli;

import ai.djl.Device;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.Progress;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.metrics.vqa.VqaAccuracy;
import dev.vlsuite.shared.metrics.vqa.VqaAnnotation;
import dev.vlsuite.shared.metrics.vqa.VqaFiles;
import dev.vlsuite.shared.metrics.vqa.VqaFormatException;
import dev.vlsuite.shared.metrics.vqa.VqaQuestions;
import dev.vlsuite.shared.metrics.vqa.VqaReport;
import dev.vlsuite.shared.metrics.vqa.VqaResult;
import dev.vlsuite.shared.metrics.vqa.VqaResults;
import dev.vlsuite.vqa.api.Query;
import dev.vlsuite.vqa.api.VisualQuestionAnswerer;
import dev.vlsuite.vqa.data.VqaItem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vqa eval}: answer a VQA split, write the official results file, print the official accuracy. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Answer every question of a VQA questions file, write the official results [{\"question_id\", \"answer\"}]",
                "(--results, written atomically) and print the official accuracy (what vqa score prints for that file).",
                "Questions whose image is bad are reported on stderr and left out of results and score (exit code 1)."})
final class EvalCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;
    @Mixin DataArgs data;

    @Option(names = "--split", paramLabel = "NAME", description = "With a dataset.json in the images root: only questions about this split's images.")
    String split;

    @Option(names = "--model", paramLabel = "FILE", description = "Model bundle (.vlm); default: the built-in san model.")
    Path model;

    @Option(names = "--backbone", paramLabel = "SPEC", description = "Backbone to use instead of the one the model names.")
    String backbone;

    @Option(names = "--results", required = true, paramLabel = "FILE", description = "Where to write the official results JSON.")
    Path results;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "N", description = "Images per backbone call (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Report format (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) throw new UsageException("--format: expected text or json, got '" + format + "'");
        if (batch < 1) throw new UsageException("--batch must be >= 1, got " + batch);
        int[] bad = {0};
        var read = data.read(err, bad);
        List<VqaItem> items = split == null ? read.items() : read.items().stream().filter(i -> split.equals(i.split())).toList();
        if (items.isEmpty()) throw new UsageException(data.questions + ": no question to answer" + (split == null ? "" : " in split '" + split + "'"));
        List<VqaResult> answered = new ArrayList<>();
        Device device = engine.apply();
        try (VisualQuestionAnswerer vqa = VqaTool.open(model, backbone, device, err);
             Progress progress = Progress.start("vqa eval", items.size())) {
            List<Query> queries = items.stream().map(i -> new Query(i.image(), i.question())).toList();
            int[] k = {0};
            vqa.answerEach(queries, 1, batch, o -> {
                VqaItem item = items.get(k[0]++);
                if (o.ok()) answered.add(new VqaResult(item.questionId(), o.answer().answer()));
                else {
                    err.println(o.errorLine() + " (question " + item.questionId() + ")");
                    bad[0]++;
                }
                progress.step();
            });
        }
        VqaFiles.writeResults(results, answered);
        VqaReport report;
        try {
            Set<Long> ids = new HashSet<>();
            for (VqaResult r : answered) ids.add(r.questionId());
            VqaQuestions all = VqaFiles.readQuestions(data.questions);
            VqaQuestions asked = new VqaQuestions(all.taskType(), all.dataType(), all.dataSubtype(),
                    all.questions().stream().filter(q -> ids.contains(q.questionId())).toList());
            List<VqaAnnotation> annotations = VqaFiles.readAnnotations(data.annotations).stream().filter(a -> ids.contains(a.questionId())).toList();
            report = VqaAccuracy.evaluate(asked, annotations, VqaResults.of(results.toString(), answered));
        } catch (VqaFormatException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        err.printf(Locale.ROOT, "vqa eval: answered %d of %d questions; wrote %s%n", answered.size(), items.size() + read.skipped(), results);
        err.flush();
        out.print(f.equals("json") ? report.toJson() + System.lineSeparator() : report.toText());
        out.flush();
        return bad[0] == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }
}
