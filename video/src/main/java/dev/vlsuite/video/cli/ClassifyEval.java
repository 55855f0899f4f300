package dev.vlsuite.video.cli;

import ai.djl.Device;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.Progress;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.video.Sampling;
import dev.vlsuite.video.api.ActionClassifier;
import dev.vlsuite.video.api.ActionEvaluation;
import dev.vlsuite.video.api.ActionOptions;
import dev.vlsuite.video.api.FeatureStore;
import dev.vlsuite.video.training.ActionCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code video eval --task classify}: accuracy and confusion matrix of a classifier on one split (api.ActionEvaluation). */
final class ClassifyEval {
    private ClassifyEval() {}

    static int run(EvalCommand c) throws IOException {
        PrintWriter out = c.spec.commandLine().getOut();
        PrintWriter err = c.spec.commandLine().getErr();
        if (c.frames < 0) throw new UsageException("--frames must be >= 0: " + c.frames);
        if (c.results != null) throw new UsageException("--results (COCO captions) is for --task caption");
        int[] failed = {0};
        ActionCorpus corpus;
        try {
            corpus = ActionCorpus.read(c.data, c.videos, line -> {
                err.println(line);
                failed[0]++;
            });
        } catch (IOException e) {
            if (!Files.exists(c.data)) throw new UsageException(c.data + ": no such file or folder");
            throw new UsageException(e.getMessage(), e);
        }
        corpus.notes().forEach(err::println);
        List<ActionCorpus.Item> items = corpus.split(List.of(c.split));
        if (items.isEmpty()) throw new UsageException(c.data + ": no usable video in split '" + c.split + "'");
        Device device = c.engine.apply();
        ActionClassifier classifier;
        try {
            classifier = ActionClassifier.load(c.model, device).withCache(c.classify.cache == null ? null : new FeatureStore(c.classify.cache));
        } catch (BundleException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        ActionEvaluation report;
        try (classifier; Progress progress = Progress.start("eval", items.size())) {
            if (!classifier.classes().equals(corpus.classes())) {
                throw new UsageException(c.model + ": its classes " + classifier.classes() + " are not the data's " + corpus.classes());
            }
            Map<Path, Integer> labels = new LinkedHashMap<>();
            for (ActionCorpus.Item i : items) labels.put(i.file(), i.label());
            ActionOptions options = new ActionOptions(1, ActionClassifier.BATCH, c.frames > 0 ? Sampling.evenly(c.frames) : null);
            report = ActionEvaluation.run(classifier, labels, options, progress::step);
        }
        report.failed().forEach(err::println);
        failed[0] += report.failed().size();
        if (report.count() == 0) {
            err.println(c.data + ": no video of split '" + c.split + "' could be classified");
            return ExitCodes.SOME_INPUTS_FAILED;
        }
        if ("json".equals(c.classify.format)) out.println(json(report, c.split));
        else if ("text".equals(c.classify.format)) text(out, report, c.split);
        else throw new UsageException("--format must be text or json: " + c.classify.format);
        out.flush();
        return failed[0] == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }

    static void text(PrintWriter out, ActionEvaluation r, String split) {
        out.printf(Locale.ROOT, "accuracy %.4f (%d videos of split %s)%n", r.accuracy(), r.count(), split);
        out.println("confusion matrix (rows: true class, columns: predicted; last column: recall)");
        List<String> classes = r.classes();
        int w = Math.max(6, classes.stream().mapToInt(String::length).max().orElse(6));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + w + "s", ""));
        for (String name : classes) head.append(String.format(Locale.ROOT, " %" + w + "s", name));
        out.println(head.append(String.format(Locale.ROOT, " %" + w + "s", "recall")));
        for (int t = 0; t < classes.size(); t++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + w + "s", classes.get(t)));
            for (int p = 0; p < classes.size(); p++) row.append(String.format(Locale.ROOT, " %" + w + "d", r.confusion()[t][p]));
            double recall = r.recall(t);
            out.println(row.append(Double.isNaN(recall) ? String.format(Locale.ROOT, " %" + w + "s", "-")
                    : String.format(Locale.ROOT, " %" + w + ".3f", recall)));
        }
    }

    static String json(ActionEvaluation r, String split) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("split", split);
        root.put("videos", r.count());
        root.put("accuracy", r.accuracy());
        ArrayNode classes = root.putArray("classes");
        r.classes().forEach(classes::add);
        ArrayNode matrix = root.putArray("confusion");
        for (int[] row : r.confusion()) {
            ArrayNode a = matrix.addArray();
            for (int v : row) a.add(v);
        }
        ArrayNode recall = root.putArray("recall");
        for (int t = 0; t < r.classes().size(); t++) {
            double v = r.recall(t);
            if (Double.isNaN(v)) recall.addNull();
            else recall.add(v);
        }
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
