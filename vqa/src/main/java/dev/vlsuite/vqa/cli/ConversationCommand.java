package dev.vlsuite.vqa.cli;

import ai.djl.Device;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.image.BadImageException;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.vqa.api.Conversation;
import dev.vlsuite.vqa.api.DialogDefaultModel;
import dev.vlsuite.vqa.api.VisualDialog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vqa chat}: a conversation about one image, question by question, the history kept. */
@Command(name = "chat", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Hold a conversation about an image with a visual dialog model (late fusion): the caption first,",
                "then each question is answered with the image and the whole conversation so far.",
                "On a terminal it prompts; otherwise it reads one question per line from stdin and writes one answer",
                "per line. Answers are the model's training answers ranked (a generative model writes its own, beam 5),",
                "or the lines of --candidates FILE ranked."})
final class ConversationCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;

    @Option(names = "--image", required = true, paramLabel = "FILE", description = "The image to talk about.")
    Path image;

    @Option(names = "--caption", defaultValue = "", paramLabel = "TEXT", description = "The caption the dialog starts from (VisDial's round 0).")
    String caption;

    @Option(names = "--candidates", paramLabel = "FILE", description = "Candidate answers, one per line, ranked instead of the training answers.")
    Path candidatesFile;

    @Option(names = "--scores", description = "Print each answer's score after a tab.")
    boolean scores;

    @Option(names = "--decoder", paramLabel = "disc|gen",
            description = "The head that answers: disc ranks answers (the default when the model has it), gen writes its own by beam search (width 5); the built-in model has both.")
    String decoder;

    @Option(names = "--model", paramLabel = "MODEL", description = "Dialog model from dialog-train (default: the built-in one).")
    Path model;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> candidates = null;
        if (candidatesFile != null) {
            try {
                candidates = Files.readAllLines(candidatesFile, StandardCharsets.UTF_8).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            } catch (IOException e) {
                throw new UsageException(candidatesFile + ": cannot read the candidates (" + e.getMessage() + ")", e);
            }
            if (candidates.isEmpty()) throw new UsageException(candidatesFile + ": no candidate answers in it");
        }
        Device device = engine.apply();
        Path file = model;
        if (file == null) {
            file = DialogDefaultModel.file();
            err.println("chat: no --model given: using the built-in default model (LF-QIH, synthetic dialogs; " + file + ")");
            err.flush();
        }
        boolean terminal = System.console() != null;
        try (VisualDialog dialog = VisualDialog.load(file, device)) {
            if (decoder != null) dialog.useDecoder(decoder.toLowerCase(Locale.ROOT));
            if (candidates == null && !dialog.generative() && dialog.answers().isEmpty()) throw new UsageException(file + ": the model keeps no answers; pass --candidates FILE");
            Conversation c;
            try {
                c = dialog.conversation(image, caption);
            } catch (BadImageException e) {
                err.println("chat: " + e.getMessage());
                err.flush();
                return ExitCodes.SOME_INPUTS_FAILED;
            }
            if (terminal) {
                out.println("caption: " + (caption.isBlank() ? "(none; pass --caption)" : caption));
                out.print("> ");
                out.flush();
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String q = line.strip();
                if (!q.isEmpty()) {
                    Conversation.Reply r = candidates == null ? c.ask(q) : c.ask(q, candidates);
                    out.println(scores ? r.answer() + "\t" + String.format(Locale.ROOT, "%.4f", r.score()) : r.answer());
                }
                if (terminal) out.print("> ");
                out.flush();
            }
            return ExitCodes.OK;
        } catch (BundleException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
