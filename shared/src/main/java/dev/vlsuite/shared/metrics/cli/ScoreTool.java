package dev.vlsuite.shared.metrics.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.Tools;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.captions.CaptionDataset;
import dev.vlsuite.shared.io.captions.CaptionDatasets;
import dev.vlsuite.shared.io.captions.CaptionFormatException;
import dev.vlsuite.shared.io.captions.CocoResults;
import dev.vlsuite.shared.metrics.CaptionEvaluator;
import dev.vlsuite.shared.metrics.EvaluationReport;
import dev.vlsuite.shared.metrics.Metric;
import dev.vlsuite.shared.metrics.ScoringInputs;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code score}: the MS-COCO caption metrics of a COCO results file against references. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scores captions like the MS-COCO caption evaluation (BLEU-1..4, METEOR, ROUGE-L, CIDEr-D).",
                "REFS: COCO captions annotations JSON, Karpathy split JSON (dataset_coco.json...), a Flickr token file,"
                        + " or {\"id\": [captions]}. RESULTS: COCO results [{\"image_id\", \"caption\"}]."})
public final class ScoreTool implements Callable<Integer> {
    enum Format { text, json }

    @Spec CommandSpec spec;

    @Option(names = "--refs", required = true, paramLabel = "FILE", description = "Reference captions.")
    Path refs;

    @Option(names = "--results", required = true, paramLabel = "FILE", description = "Candidate captions, COCO results format.")
    Path results;

    @Option(names = "--metrics", paramLabel = "LIST", split = ",",
            description = "Metrics among bleu, meteor, rouge, cider (default: all that are available).")
    Set<String> metricNames;

    @Option(names = "--split", paramLabel = "NAME", description = "Only the images of this split (Karpathy or Flickr split files), e.g. test.")
    String split;

    @Option(names = "--meteor-paraphrase", paramLabel = "FILE", description = "METEOR paraphrase table (gzip); without it METEOR uses exact+stem+synonym.")
    Path meteorParaphrase;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    public static void main(String[] args) {
        Tools.main(new ScoreTool(), args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<Metric> selected = selectedMetrics();
        // METEOR's WordNet and stemmer load on another thread while the inputs are read (about a third of a second)
        CompletableFuture<CaptionEvaluator> building = CompletableFuture.supplyAsync(() -> evaluator(selected), ScoreTool::daemon);
        CaptionDataset dataset;
        ScoringInputs inputs;
        try {
            dataset = CaptionDatasets.read(refs);
            if (split != null) {
                if (!dataset.splits().contains(split)) {
                    throw new UsageException(refs + ": no images in split '" + split + "' (splits: " + String.join(", ", dataset.splits()) + ")");
                }
                dataset = dataset.split(split);
            }
            inputs = ScoringInputs.reconcile(dataset, refs.toString(), CocoResults.read(results), results.toString());
        } catch (CaptionFormatException e) {
            throw new UsageException(e.getMessage(), e);
        }
        inputs.problems().forEach(err::println);
        if (inputs.refs().isEmpty()) throw new UsageException("no image of " + results + " has references in " + refs + "; nothing to score");
        CaptionEvaluator evaluator = join(building);
        EvaluationReport report = evaluator.evaluate(inputs.refs(), inputs.candidates());
        // said once the inputs are good, so an input error stays the only line
        if (evaluator.metrics().contains(Metric.METEOR) && meteorParaphrase == null) {
            err.println("score: no --meteor-paraphrase table: METEOR is reported as \"METEOR (exact+stem+synonym)\"");
        }
        if (format == Format.json) out.println(Json.MAPPER.writeValueAsString(json(report)));
        else printTable(out, report, inputs.refs().size());
        out.flush();
        return inputs.problems().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "score-setup");
        t.setDaemon(true);
        t.start();
    }

    private static CaptionEvaluator join(CompletableFuture<CaptionEvaluator> building) throws java.io.IOException {
        try {
            return building.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private Set<Metric> selectedMetrics() {
        Set<Metric> selected = EnumSet.noneOf(Metric.class);
        if (metricNames == null) {
            selected.addAll(EnumSet.allOf(Metric.class));
        } else {
            for (String m : metricNames) selected.add(Metric.parse(m));
        }
        if (selected.isEmpty()) throw new UsageException("--metrics: no metric given");
        if (meteorParaphrase != null && !Files.isReadable(meteorParaphrase)) {
            throw new UsageException("--meteor-paraphrase: cannot read " + meteorParaphrase);
        }
        return selected;
    }

    private CaptionEvaluator evaluator(Set<Metric> selected) {
        try {
            CaptionEvaluator.Builder b = CaptionEvaluator.builder().metrics(selected);
            if (selected.contains(Metric.METEOR)) b.withMeteor(meteorParaphrase);
            return b.build();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode json(EvaluationReport report) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode corpus = root.putObject("corpus");
        report.corpus().forEach(corpus::put);
        ObjectNode per = root.putObject("per_image");
        report.perImage().forEach((id, scores) -> {
            ObjectNode o = per.putObject(id);
            scores.forEach(o::put);
        });
        return root;
    }

    private static void printTable(PrintWriter out, EvaluationReport report, int images) {
        ReportTable.print(out, report);
        out.printf(Locale.ROOT, "(%d images)%n", images);
    }
}
