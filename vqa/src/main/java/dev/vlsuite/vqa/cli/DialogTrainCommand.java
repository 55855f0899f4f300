package dev.vlsuite.vqa.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.TrainingRunStart;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.metrics.retrieval.VisDialData;
import dev.vlsuite.shared.metrics.retrieval.VisDialFiles;
import dev.vlsuite.shared.metrics.retrieval.VisDialFormatException;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import dev.vlsuite.shared.train.TrainingLoop;
import dev.vlsuite.shared.vision.Backbones;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.shared.vision.FeatureExtractor;
import dev.vlsuite.vqa.api.ImageFeatures;
import dev.vlsuite.vqa.data.DialogSet;
import dev.vlsuite.vqa.model.LateFusionConfig;
import dev.vlsuite.vqa.training.DialogTraining;
import dev.vlsuite.vqa.api.VisualDialog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vqa dialog-train}: train a late-fusion visual dialog model (LF-QIH or LF-QI, discriminative or generative decoder). */
@Command(name = "dialog-train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train late fusion (Das et al. 2017) on VisDial v1.0 files, --decoder disc (softmax cross-entropy over each",
                "round's 100 options) or gen (teacher-forced answer language model), on frozen backbone features (cached in --cache).",
                "Validation (--val, --dense) reports the official MRR, R@1 and NDCG; the best MRR model is kept.",
                "The run folder OUT.run/ holds the checkpoint and metrics.jsonl; --resume continues it."})
final class DialogTrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "visdial_1.0_train.json.")
    Path trainFile;

    @Option(names = "--val", paramLabel = "FILE", description = "visdial_1.0_val.json for validation.")
    Path valFile;

    @Option(names = "--dense", paramLabel = "FILE", description = "visdial_1.0_val_dense_annotations.json (NDCG in validation).")
    Path denseFile;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Images root (COCO names, <id:012d>.jpg or images/<id:06d>.png).")
    Path images;

    @Option(names = "--arch", defaultValue = "lf-qih", paramLabel = "lf-qih|lf-qi|lf-att",
            description = "lf-qi zeroes the history; lf-att (with history) attends over the conv grid guided by the question (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--decoder", defaultValue = "disc", paramLabel = "disc|gen|both",
            description = "disc scores candidates by dot product; gen is an LSTM language model on the encoding: candidates ranked by length-normalised log-likelihood, free answers by beam search; both trains the two heads on one encoder (the sum of their losses; validation ranks with disc) (default: ${DEFAULT-VALUE}).")
    String decoder;

    @Option(names = "--attention-dim", defaultValue = "0", paramLabel = "A", description = "lf-att's attention size; 0 = the LSTM size.")
    int attentionDim;

    @Option(names = "--backbone", defaultValue = "vgg-small", paramLabel = "SPEC",
            description = "vgg-small, vgg16, vgg16:FILE.pt|.params, torchscript:FILE.pt (default: ${DEFAULT-VALUE}).")
    String backbone;

    @Option(names = "--image-size", defaultValue = "0", paramLabel = "PX", description = "Backbone input side; 0 = its own.")
    int imageSize;

    @Option(names = "--cache", paramLabel = "DIR", description = "Feature cache (default: OUT.run/features).")
    Path cacheDir;

    @Option(names = "--embed", defaultValue = "300", paramLabel = "E", description = "Word embedding size (default: ${DEFAULT-VALUE}).")
    int embed;

    @Option(names = "--hidden", defaultValue = "512", paramLabel = "H", description = "LSTM and encoding size (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--layers", defaultValue = "2", paramLabel = "N", description = "LSTM layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--dropout", defaultValue = "0.5", paramLabel = "P", description = "Dropout (default: ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--max-history", defaultValue = "200", paramLabel = "N", description = "History tokens kept, the most recent (default: ${DEFAULT-VALUE}).")
    int maxHistory;

    @Option(names = "--min-count", defaultValue = "1", paramLabel = "N", description = "Rarer words become <unk> (default: ${DEFAULT-VALUE}; VisDial uses 5).")
    int minCount;

    @Option(names = "--epochs", defaultValue = "10", paramLabel = "N", description = "Passes over the training rounds (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--steps", defaultValue = "0", paramLabel = "N", description = "Stop after N updates; 0 = epochs decide.")
    long steps;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "N", description = "Rounds per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", paramLabel = "X", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--clip", defaultValue = "5", paramLabel = "X", description = "Global gradient-norm limit; 0 = off (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--validate-every", defaultValue = "0", paramLabel = "N", description = "Validate every N steps; 0 = every epoch.")
    long validateEvery;

    @Option(names = "--patience", defaultValue = "0", paramLabel = "N", description = "Stop after N validations without improvement; 0 = never.")
    int patience;

    @Option(names = "--log-every", defaultValue = "50", paramLabel = "N", description = "Training loss in metrics.jsonl every N steps (default: ${DEFAULT-VALUE}).")
    long logEvery;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model bundle to write (.vlm).")
    Path out;

    @Option(names = "--resume", description = "Continue the run in OUT.run/ from its last checkpoint (same options).")
    boolean resume;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        String a = arch.toLowerCase(Locale.ROOT);
        boolean history = switch (a) {
            case "lf-qih", "lf-att" -> true;
            case "lf-qi" -> false;
            default -> throw new UsageException("--arch: expected lf-qih, lf-qi or lf-att, got '" + arch + "'");
        };
        boolean attends = a.equals("lf-att");
        String dec = decoder.toLowerCase(Locale.ROOT);
        if (!LateFusionConfig.DISC.equals(dec) && !LateFusionConfig.GEN.equals(dec) && !LateFusionConfig.BOTH.equals(dec)) {
            throw new UsageException("--decoder: expected disc, gen or both, got '" + decoder + "'");
        }
        if (attentionDim < 0) throw new UsageException("--attention-dim must be >= 0: " + attentionDim);
        TrainConfig trainConfig;
        try {
            trainConfig = TrainConfig.defaults().withEpochs(epochs).withMaxSteps(steps).withLr(lr, null).withClipNorm(clip)
                    .withValidation(validateEvery, valFile == null ? null : "mrr", TrainConfig.Goal.MAX, patience).withSeed(engine.seed).withLogEvery(logEvery);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (batch < 1) throw new UsageException("--batch must be at least 1: " + batch);
        Path runDir = TrainingRunStart.runDir(out);
        TrainingLoop loop = new TrainingLoop(trainConfig, runDir);
        if (TrainingRunStart.check(loop, out, resume, VisualDialog.TASK, trainConfig.watchMetric(), stdout).finished()) return ExitCodes.OK;
        int[] bad = {0};
        java.util.function.Consumer<String> onBad = line -> {
            err.println(line);
            err.flush();
            bad[0]++;
        };
        Device device = engine.apply();
        try (FeatureExtractor fx = Backbones.open(backbone, device, imageSize);
             FeatureCache features = FeatureCache.open(cacheDir != null ? cacheDir : runDir.resolve("features"), fx);
             NDManager manager = NDManager.newBaseManager(device)) {
            VisDialData trainData = VisDialFiles.readDialogs(trainFile);
            Vocabulary vocab = DialogTraining.vocabulary(trainData, minCount);
            String kind = ImageFeatures.kindFor(attends, fx);
            LateFusionConfig config = new LateFusionConfig(vocab.size(), embed, hidden, layers, ImageFeatures.sizeOf(kind, fx), history,
                    dropout, backbone, kind, fx.inputSize(), 20, 20, maxHistory, dec, attends ? (attentionDim > 0 ? attentionDim : hidden) : 0, true);
            DialogSet train = DialogSet.of(trainData, java.util.List.of(), images, vocab, 20, 20, maxHistory, onBad, trainFile.toString());
            DialogSet val = valFile == null ? null : DialogSet.read(valFile, denseFile, images, vocab, 20, 20, maxHistory, onBad);
            if (train.answeredRounds().isEmpty()) throw new UsageException(trainFile + ": no answered round to train on");
            DialogTraining training = DialogTraining.prepare(config, vocab, train, val, features, batch, onBad);
            err.printf(Locale.ROOT, "dialog-train: %s, %d words, %d training dialogs, %d validation dialogs, run folder %s%n",
                    config.arch() + " " + config.decoder(), vocab.size(), train.dialogs().size(), val == null ? 0 : val.dialogs().size(), runDir);
            err.flush();
            TrainResult r = training.train(trainConfig, runDir, resume, manager);
            AtomicFiles.write(out, o -> Files.copy(r.modelFile(), o));
            String best = valFile == null ? "no validation (no --val)"
                    : String.format(Locale.ROOT, "best validation MRR %.4f at step %d", r.bestMetric(), r.bestStep());
            stdout.printf(Locale.ROOT, "trained %d steps (%d epochs%s); last loss %.4f; %s; wrote %s%n",
                    r.steps(), r.epochsCompleted(), r.stoppedEarly() ? ", stopped early" : "", r.lastLoss(), best, out);
            stdout.flush();
            return bad[0] > 0 ? ExitCodes.SOME_INPUTS_FAILED : ExitCodes.OK;
        } catch (VisDialFormatException | BundleException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
