package dev.vlsuite.captioning.cli;

import ai.djl.Device;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.captioning.api.CaptionOptions;
import dev.vlsuite.captioning.api.ImageCaptioner;
import dev.vlsuite.captioning.api.SplitEvaluation;
import dev.vlsuite.shared.cli.DecodingMixin;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.Progress;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.captions.CaptionDataset;
import dev.vlsuite.shared.io.captions.CaptionImage;
import dev.vlsuite.shared.metrics.CaptionEvaluator;
import dev.vlsuite.shared.metrics.EvaluationReport;
import dev.vlsuite.shared.metrics.cli.ReportTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caption eval}: parses, runs api.SplitEvaluation over the split's image files, prints the COCO caption metrics. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Caption one split of a dataset and score it: BLEU-1..4, METEOR, ROUGE-L, CIDEr (as the MS-COCO evaluation).")
final class EvalCommand implements Callable<Integer> {
    enum Format { text, json }

    @ParentCommand CaptionTool tool;
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;
    @Mixin DatasetArgs data;

    @Option(names = "--split", defaultValue = "test", paramLabel = "NAME", description = "Split to evaluate (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--model", paramLabel = "FILE", description = "Model bundle (.vlm); default: the built-in model.")
    Path model;

    @Option(names = "--backbone", paramLabel = "SPEC", description = "Backbone to use instead of the one the model names.")
    String backbone;

    @Mixin DecodingMixin decoding;

    @Option(names = "--results", paramLabel = "OUT.json", description = "Write the captions here in COCO results format.")
    Path results;

    @Option(names = "--meteor-paraphrase", paramLabel = "FILE", description = "METEOR paraphrase table (gzip); without it exact+stem+synonym.")
    Path meteorParaphrase;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CaptionOptions options = CaptionTool.options(decoding);
        CaptionDataset d = data.read(split);
        Map<CaptionImage, Path> files = data.files(d, err);
        int unresolved = d.images().size() - files.size();
        List<SplitEvaluation.Image> images = new ArrayList<>();
        files.forEach((image, file) -> images.add(new SplitEvaluation.Image(image.id(), file, image.rawCaptions())));
        CaptionEvaluator evaluator = CaptionEvaluator.builder().withMeteor(meteorParaphrase).build();
        Device device = engine.apply();
        SplitEvaluation.Result r;
        try (ImageCaptioner captioner = tool.open(model, backbone, device, err);
             Progress progress = Progress.start("eval", images.size())) {
            r = SplitEvaluation.run(images, (list, sink) -> captioner.captionEach(list, options, o -> {
                sink.accept(o);
                progress.step();
            }), evaluator, results);
        }
        r.failures().forEach(o -> err.println(o.errorLine()));
        EvaluationReport report = r.report();
        if (format == Format.json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("split", split);
            root.put("images", r.captioned());
            root.put("beam", options.beam());
            ObjectNode corpus = root.putObject("corpus");
            report.corpus().forEach(corpus::put);
            out.println(Json.MAPPER.writeValueAsString(root));
        } else {
            ReportTable.print(out, report);
            out.printf(Locale.ROOT, "(%d images of split %s, beam %d)%n", r.captioned(), split, options.beam());
        }
        out.flush();
        return unresolved + r.failures().size() == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }
}
