package dev.vlsuite.vqa.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.TrainingRunStart;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import dev.vlsuite.shared.train.TrainingLoop;
import dev.vlsuite.shared.train.TrainingState;
import dev.vlsuite.shared.vision.Backbones;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.shared.vision.FeatureExtractor;
import dev.vlsuite.vqa.api.ImageFeatures;
import dev.vlsuite.vqa.data.VqaItem;
import dev.vlsuite.vqa.model.Arch;
import dev.vlsuite.vqa.model.VqaConfig;
import dev.vlsuite.vqa.training.VqaTraining;
import dev.vlsuite.vqa.training.VqaTrainingOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vqa train}: train lstm-q-norm-i or san on cached backbone features (training.VqaTraining). */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train lstm-q-norm-i or san on frozen backbone features (extracted once into --cache).",
                "Validation answers are scored with the official VQA accuracy; the best model is kept.",
                "Validation questions: --val-questions/--val-annotations/--val-images, else the --split-val split of the",
                "images root's dataset.json (the synthetic world's). The run folder OUT.run/ holds the checkpoint and",
                "metrics.jsonl; --resume continues it."})
final class TrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;
    @Mixin DataArgs data;

    static final class Validation {
        @Option(names = "--val-questions", required = true, paramLabel = "FILE", description = "Validation questions JSON.")
        Path questions;

        @Option(names = "--val-annotations", required = true, paramLabel = "FILE", description = "Validation annotations JSON.")
        Path annotations;

        @Option(names = "--val-images", paramLabel = "DIR", description = "Validation images root (default: --images).")
        Path images;
    }

    @ArgGroup(exclusive = false)
    Validation validationFiles;

    @Option(names = "--split-train", defaultValue = "train", paramLabel = "NAME",
            description = "With a dataset.json in the images root: the split to train on (default: ${DEFAULT-VALUE}).")
    String trainSplit;

    @Option(names = "--split-val", defaultValue = "val", paramLabel = "NAME",
            description = "With a dataset.json in the images root: the validation split (default: ${DEFAULT-VALUE}).")
    String valSplit;

    @Option(names = "--val-max", defaultValue = "5000", paramLabel = "N", description = "Validate on at most N questions; 0 = all (default: ${DEFAULT-VALUE}).")
    int valMax;

    @Option(names = "--arch", defaultValue = "san", paramLabel = "lstm-q-norm-i|san", description = "Model (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--blind", description = "Zero the image: the question-only baseline of the same net.")
    boolean blind;

    @Option(names = "--backbone", defaultValue = "vgg-small", paramLabel = "SPEC",
            description = "vgg-small, vgg16, vgg16:FILE.pt|.params, torchscript:FILE.pt (default: ${DEFAULT-VALUE}).")
    String backbone;

    @Option(names = "--image-size", defaultValue = "0", paramLabel = "PX", description = "Backbone input side; 0 = its own.")
    int imageSize;

    @Option(names = "--cache", paramLabel = "DIR", description = "Feature cache (default: OUT.run/features).")
    Path cacheDir;

    @Option(names = "--embed", defaultValue = "300", paramLabel = "E", description = "Word embedding size (default: ${DEFAULT-VALUE}).")
    int embed;

    @Option(names = "--hidden", defaultValue = "512", paramLabel = "H", description = "LSTM size (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--layers", defaultValue = "2", paramLabel = "N", description = "LSTM layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--common", defaultValue = "1024", paramLabel = "C", description = "lstm-q-norm-i: fused question/image size (default: ${DEFAULT-VALUE}).")
    int common;

    @Option(names = "--mlp", defaultValue = "1000", paramLabel = "M", description = "lstm-q-norm-i: classifier hidden layer (default: ${DEFAULT-VALUE}).")
    int mlp;

    @Option(names = "--attention-dim", defaultValue = "512", paramLabel = "K", description = "san: attention MLP size (default: ${DEFAULT-VALUE}).")
    int attentionDim;

    @Option(names = "--hops", defaultValue = "2", paramLabel = "N", description = "san: attention layers (default: ${DEFAULT-VALUE}).")
    int hops;

    @Option(names = "--bilinear", defaultValue = "0", paramLabel = "M",
            description = "san: M units of bilinear question x attended-image product (MLB) beside u_K; 0 = the paper's classifier (default: ${DEFAULT-VALUE}).")
    int bilinear;

    @Option(names = "--cell-kernel", defaultValue = "1", paramLabel = "K",
            description = "san: the image projection sees K x K cells (3: shapes from the neighbours); 1 = each cell, as the paper (default: ${DEFAULT-VALUE}).")
    int cellKernel;

    @Option(names = "--coordinates", description = "san: append each grid cell's x, y to its features (where things are).")
    boolean coordinates;

    @Option(names = "--dropout", defaultValue = "0.5", paramLabel = "P", description = "Dropout (default: ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--max-question", defaultValue = "26", paramLabel = "N", description = "Words kept of a question (default: ${DEFAULT-VALUE}).")
    int maxQuestion;

    @Option(names = "--answers", defaultValue = "1000", paramLabel = "K", description = "Answer classes: the K most frequent training answers (default: ${DEFAULT-VALUE}).")
    int answers;

    @Option(names = "--target", defaultValue = "soft", paramLabel = "soft|mfa",
            description = "soft: VQA v2 scores min(1, humans/3); mfa: cross-entropy on the most frequent answer (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--min-count", defaultValue = "1", paramLabel = "N", description = "Rarer question words become <unk> (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--epochs", defaultValue = "10", paramLabel = "N", description = "Passes over the training questions (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--steps", defaultValue = "0", paramLabel = "N", description = "Stop after N updates; 0 = epochs decide.")
    long steps;

    @Option(names = "--batch", defaultValue = "128", paramLabel = "N", description = "Questions per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "3e-4", paramLabel = "X", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--clip", defaultValue = "10", paramLabel = "X", description = "Global gradient-norm limit; 0 = off (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--validate-every", defaultValue = "0", paramLabel = "N", description = "Validate every N steps; 0 = every epoch.")
    long validateEvery;

    @Option(names = "--patience", defaultValue = "0", paramLabel = "N", description = "Stop after N validations without improvement; 0 = never.")
    int patience;

    @Option(names = "--log-every", defaultValue = "50", paramLabel = "N", description = "Training loss in metrics.jsonl every N steps (default: ${DEFAULT-VALUE}).")
    long logEvery;

    @Option(names = "--checkpoint-minutes", defaultValue = "10", paramLabel = "M",
            description = "Write the checkpoint at least every M minutes, besides every validation and the end (default: ${DEFAULT-VALUE}).")
    double checkpointMinutes;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model bundle to write (.vlm).")
    Path out;

    @Option(names = "--resume", description = "Continue the run in OUT.run/ from its last checkpoint (same options).")
    boolean resume;

    TrainConfig trainConfig() {
        return TrainConfig.defaults().withEpochs(epochs).withMaxSteps(steps).withLr(lr, null).withClipNorm(clip)
                .withValidation(validateEvery, VqaTraining.METRIC, TrainConfig.Goal.MAX, patience).withSeed(engine.seed)
                .withLogEvery(logEvery).withCheckpointMinutes(checkpointMinutes);
    }

    VqaTrainingOptions trainingOptions() {
        boolean soft = switch (target.toLowerCase(Locale.ROOT)) {
            case "soft" -> true;
            case "mfa" -> false;
            default -> throw new IllegalArgumentException("--target: expected soft or mfa, got '" + target + "'");
        };
        return VqaTrainingOptions.defaults().withBatchSize(batch).withAnswers(answers, soft).withMinWordCount(minCount)
                .withValidationQuestions(valMax);
    }

    VqaConfig modelConfig(FeatureExtractor fx) {
        Arch a = Arch.parse(arch);
        String kind = ImageFeatures.kindFor(a.attends(), fx);
        return VqaConfig.defaults(a, ImageFeatures.sizeOf(kind, fx), fx.gridSide(), kind, backbone, fx.inputSize())
                .withSizes(embed, hidden, layers, common, mlp, attentionDim, hops).withDropout(dropout)
                .withMaxQuestionLength(maxQuestion).withBlind(blind).withSanExtras(bilinear, coordinates).withCellKernel(cellKernel);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        TrainConfig trainConfig;
        VqaTrainingOptions options;
        try {
            Arch.parse(arch);
            if (cellKernel < 1 || cellKernel % 2 == 0) throw new IllegalArgumentException("--cell-kernel must be odd and >= 1, got " + cellKernel);
            if (bilinear < 0) throw new IllegalArgumentException("--bilinear must be >= 0, got " + bilinear);
            trainConfig = trainConfig();
            options = trainingOptions();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path runDir = TrainingRunStart.runDir(out);
        TrainingLoop loop = new TrainingLoop(trainConfig, runDir);
        TrainingRunStart.Start start = TrainingRunStart.check(loop, out, resume, VqaTraining.TASK, trainConfig.watchMetric(), stdout);
        if (start.finished()) return ExitCodes.OK;
        Optional<TrainingState> saved = start.saved();
        int[] bad = {0};
        var all = data.read(err, bad);
        List<VqaItem> train;
        List<VqaItem> val;
        if (validationFiles != null) {
            train = all.items();
            Path root = validationFiles.images != null ? validationFiles.images : data.images;
            try {
                val = dev.vlsuite.vqa.data.VqaDataReader.read(validationFiles.questions, validationFiles.annotations, root, line -> {
                    err.println(line);
                    bad[0]++;
                }).items();
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
        } else {
            boolean split = all.items().stream().anyMatch(i -> i.split() != null);
            train = split ? all.items().stream().filter(i -> trainSplit.equals(i.split())).toList() : all.items();
            val = split ? all.items().stream().filter(i -> valSplit.equals(i.split())).toList() : List.of();
        }
        if (train.isEmpty()) throw new UsageException(data.questions + ": no training question (split '" + trainSplit + "')");
        Path cache = cacheDir != null ? cacheDir : runDir.resolve("features");
        Device device = engine.apply();
        try (FeatureExtractor fx = Backbones.open(backbone, device, imageSize);
             FeatureCache features = FeatureCache.open(cache, fx);
             NDManager manager = NDManager.newBaseManager(device)) {
            VqaTraining training;
            try {
                training = VqaTraining.prepare(train, val, features, modelConfig(fx), options, line -> {
                    err.println(line);
                    err.flush();
                });
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
            err.printf(Locale.ROOT, "train: %s%s, %d question words, %d answer classes, %d training and %d validation questions, run folder %s%n",
                    training.config().arch(), blind ? " (image zeroed)" : "", training.questionVocabulary().size(),
                    training.answerVocabulary().size() - 4, training.trainingQuestions(), training.validationQuestions().size(), runDir);
            saved.ifPresent(s -> err.printf(Locale.ROOT, "train: resuming at step %d from %s%n", s.step(), loop.checkpointFile()));
            err.flush();
            TrainResult r = training.train(trainConfig, runDir, resume, manager);
            AtomicFiles.write(out, o -> Files.copy(r.modelFile(), o));
            stdout.printf(Locale.ROOT, "trained %d steps (%d epochs%s)%s; best validation accuracy %.2f at step %d; wrote %s%n", r.steps(),
                    r.epochsCompleted(), r.stoppedEarly() ? ", stopped early" : "",
                    Double.isNaN(r.lastLoss()) ? "" : String.format(Locale.ROOT, "; last loss %.4f", r.lastLoss()),
                    r.bestMetric(), r.bestStep(), out);
            stdout.flush();
            return ExitCodes.OK;
        } catch (BundleException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
