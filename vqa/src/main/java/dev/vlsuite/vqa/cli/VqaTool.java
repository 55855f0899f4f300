package dev.vlsuite.vqa.cli;

import ai.djl.Device;
import dev.vlsuite.shared.cli.Tools;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.vqa.api.DefaultModel;
import dev.vlsuite.vqa.api.VisualQuestionAnswerer;
import dev.vlsuite.vqa.api.VqaModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code vqa}: visual question answering (LSTM Q + norm I, stacked attention) and the official VQA accuracy. */
@Command(name = "vqa", mixinStandardHelpOptions = true, version = "vlsuite vqa 0.1",
        description = "Answer questions about images with lstm-q-norm-i and san (stacked attention) models; train, evaluate and score with the official VQA accuracy.",
        subcommands = {AskCommand.class, TrainCommand.class, EvalCommand.class, ScoreCommand.class,
                DialogScoreCommand.class, DialogTrainCommand.class, DialogEvalCommand.class,
                ConversationCommand.class})
public final class VqaTool implements Runnable {
    public static void main(String[] args) {
        Tools.mainQuietNatives(new VqaTool(), args);
    }

    @Override
    public void run() {
        throw new UsageException("missing subcommand; try 'vqa --help'");
    }

    /**
     * Opens {@code --model}, or the built-in default (saying so on {@code err}); an unusable model file is a usage
     * error (exit 2) with one line.
     */
    static VisualQuestionAnswerer open(Path model, String backbone, Device device, PrintWriter err) {
        try {
            Path file = model;
            if (file == null) {
                file = DefaultModel.file();
                err.println("vqa: no --model given: using the built-in default model (san, synthetic world; " + file + ")");
                err.flush();
            }
            return VisualQuestionAnswerer.open(VqaModel.load(file, device), device, backbone);
        } catch (BundleException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UsageException((model == null ? "default model" : model.toString()) + ": " + e.getMessage(), e);
        }
    }
}
