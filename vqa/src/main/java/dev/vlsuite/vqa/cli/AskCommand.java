package dev.vlsuite.vqa.cli;

import ai.djl.Device;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.OutputFormat;
import dev.vlsuite.shared.cli.Progress;
import dev.vlsuite.shared.cli.RecordSchema;
import dev.vlsuite.shared.cli.RecordWriter;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.image.BadImageException;
import dev.vlsuite.shared.image.ImageDecoder;
import dev.vlsuite.vqa.api.Answer;
import dev.vlsuite.vqa.api.AnswerOutcome;
import dev.vlsuite.vqa.api.Query;
import dev.vlsuite.vqa.api.VisualQuestionAnswerer;
import dev.vlsuite.vqa.data.VqaDataReader;
import dev.vlsuite.vqa.picture.AttentionPicture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vqa ask}: answer questions about an image (or a VQA questions file over an images folder). */
@Command(name = "ask", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Answer questions about an image: vqa ask --image photo.png \"how many shapes are there?\" ...",
                "Without questions on the command line they are read from stdin, one per line.",
                "With --questions FILE --images DIR every question of a VQA questions JSON is answered.",
                "Prints image, question, answer, probability and the top-k answers; bad images are reported on stderr",
                "as 'file: reason' and the other questions are still answered (exit code 1)."})
final class AskCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;

    @Option(names = "--image", paramLabel = "FILE", description = "The image the questions are about.")
    Path image;

    @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "Questions (default: stdin, one per line).")
    List<String> questions = new ArrayList<>();

    @Option(names = "--questions", paramLabel = "FILE", description = "A VQA questions JSON (v1 or v2) instead of --image.")
    Path questionsFile;

    @Option(names = "--images", paramLabel = "DIR", description = "Images root for --questions (COCO names, plain ids, or a dataset.json).")
    Path imagesRoot;

    @Option(names = "--model", paramLabel = "FILE", description = "Model bundle (.vlm); default: the built-in san model.")
    Path model;

    @Option(names = "--backbone", paramLabel = "SPEC", description = "Backbone to use instead of the one the model names.")
    String backbone;

    @Option(names = "--top", defaultValue = "5", paramLabel = "K", description = "Answers listed per question (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "N", description = "Images per backbone call (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|jsonl|csv",
            description = "Output: text (image, question, answer, probability, top-k), json, jsonl or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--attention", paramLabel = "DIR", description = "Write one picture (PNG) per question with each san hop's attention.")
    Path attentionDir;

    /** A question's record: the query id (question_id from a file, else its position) and the answer. */
    record Asked(long questionId, Answer answer) {}

    static RecordSchema<Asked> schema() {
        return new RecordSchema<>("image", List.of(
                RecordSchema.Field.number("question_id", "question_id", Asked::questionId, "%d"),
                RecordSchema.Field.text("question", r -> r.answer().question()),
                RecordSchema.Field.text("answer", r -> r.answer().answer()),
                RecordSchema.Field.number("score", "score", r -> r.answer().score(), "%.4f"),
                RecordSchema.Field.jsonOnly("top", r -> r.answer().top().stream()
                        .map(c -> Map.of("answer", c.answer(), "probability", c.probability())).toList())),
                (input, r) -> String.format(Locale.ROOT, "%s\t%s\t%s\t%.4f\t%s", input, r.answer().question(), r.answer().answer(),
                        r.answer().score(), r.answer().top().stream()
                                .map(c -> String.format(Locale.ROOT, "%s %.4f", c.answer(), c.probability())).collect(Collectors.joining(", "))));
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (top < 1) throw new UsageException("--top must be >= 1, got " + top);
        if (batch < 1) throw new UsageException("--batch must be >= 1, got " + batch);
        if ((image == null) == (questionsFile == null)) throw new UsageException("give either --image FILE with questions, or --questions FILE --images DIR");
        List<Query> queries = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        int[] failed = {0};
        if (questionsFile != null) {
            if (imagesRoot == null) throw new UsageException("--questions needs --images DIR");
            if (!questions.isEmpty()) throw new UsageException("with --questions, give no questions on the command line");
            var data = read(err, failed);
            for (var item : data.items()) {
                queries.add(new Query(item.image(), item.question()));
                ids.add(item.questionId());
            }
        } else {
            List<String> asked = questions.isEmpty() ? stdinQuestions() : questions;
            if (asked.isEmpty()) throw new UsageException("no question given (on the command line or stdin)");
            for (String q : asked) {
                queries.add(new Query(image, q));
                ids.add((long) ids.size());
            }
        }
        Device device = engine.apply();
        try (VisualQuestionAnswerer vqa = VqaTool.open(model, backbone, device, err)) {
            if (attentionDir != null && !vqa.attends()) {
                throw new UsageException("--attention needs a san model; " + vqa.model().source() + " is " + vqa.model().config().arch());
            }
            RecordWriter<Asked> records = new RecordWriter<>(out, format, schema());
            Map<Long, Integer> pictures = new HashMap<>();
            ImageDecoder decoder = new ImageDecoder();
            int[] next = {0};
            try (Progress progress = Progress.start("vqa", queries.size())) {
                vqa.answerEach(queries, top, batch, o -> {
                    long id = ids.get(next[0]++);
                    if (!o.ok()) {
                        err.println(o.errorLine());
                        records.failure(o.query().image().toString(), o.error());
                        failed[0]++;
                    } else {
                        records.success(o.query().image().toString(), new Asked(id, o.answer()));
                        if (attentionDir != null) picture(o, id, decoder, pictures, err, failed);
                    }
                    err.flush();
                    progress.step();
                });
            }
            records.finish();
        }
        return failed[0] == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }

    private VqaDataReader.VqaData read(PrintWriter err, int[] failed) throws IOException {
        try {
            return VqaDataReader.read(questionsFile, null, imagesRoot, line -> {
                err.println(line);
                failed[0]++;
            });
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private void picture(AnswerOutcome o, long id, ImageDecoder decoder, Map<Long, Integer> pictures, PrintWriter err, int[] failed) {
        String name = o.query().image().getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name) + "-q" + id;
        int n = pictures.merge(id, 1, Integer::sum);
        Path target = attentionDir.resolve(stem + (n > 1 ? "-" + n : "") + ".png");
        try {
            AttentionPicture.write(target, decoder.decode(o.query().image()), o.answer());
        } catch (IOException e) {
            err.println(target + ": cannot write attention picture (" + e.getMessage() + ")");
            failed[0]++;
        }
    }

    private static List<String> stdinQuestions() throws IOException {
        List<String> out = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) if (!line.isBlank()) out.add(line.strip());
        return out;
    }
}
