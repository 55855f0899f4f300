package dev.vlsuite.captioning.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.captioning.model.Arch;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.captioning.model.CaptionNets;
import dev.vlsuite.captioning.training.CaptionTraining;
import dev.vlsuite.captioning.training.CaptionTrainingOptions;
import dev.vlsuite.captioning.training.FineTuning;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.TrainingMixin;
import dev.vlsuite.shared.cli.TrainingRunStart;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.captions.CaptionDataset;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import dev.vlsuite.shared.train.TrainingLoop;
import dev.vlsuite.shared.train.TrainingState;
import dev.vlsuite.shared.vision.Backbones;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.shared.vision.FeatureExtractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caption train}: train a caption decoder on cached backbone features, or fine-tune the CNN with it (training.CaptionTraining). */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train show-tell, soft or hard attention on frozen backbone features (extracted once into --cache),",
                "or with --fine-tune the CNN and the decoder together from pixels.",
                "Validation captions (greedy) are scored with BLEU-4 and CIDEr; the best model by --watch is kept.",
                "The run folder OUT.run/ holds the checkpoint and metrics.jsonl; --resume continues it."})
final class TrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;
    @Mixin DatasetArgs data;
    /** --epochs, --steps, --batch, --lr (4e-4), --lr-schedule ..., --checkpoint-minutes, --resume (shared with 'video train'). */
    @Mixin TrainingMixin loopOptions = new TrainingMixin(4e-4);

    @Option(names = "--split-train", defaultValue = "train,restval", split = ",", paramLabel = "LIST",
            description = "Splits to train on (default: ${DEFAULT-VALUE}).")
    List<String> trainSplits;

    @Option(names = "--split-val", defaultValue = "val", paramLabel = "NAME", description = "Validation split (default: ${DEFAULT-VALUE}).")
    String valSplit;

    @Option(names = "--val-images", defaultValue = "500", paramLabel = "N", description = "Validate on at most N images; 0 = all (default: ${DEFAULT-VALUE}).")
    int valImages;

    @Option(names = "--backbone", defaultValue = "vgg-small", paramLabel = "SPEC",
            description = "vgg-small, vgg16, vgg16:FILE.pt|.params, torchscript:FILE.pt (default: ${DEFAULT-VALUE}).")
    String backbone;

    @Option(names = "--image-size", defaultValue = "0", paramLabel = "PX", description = "Backbone input side; 0 = its own.")
    int imageSize;

    @Option(names = "--cache", paramLabel = "DIR", description = "Feature cache (default: OUT.run/features).")
    Path cacheDir;

    @Option(names = "--arch", defaultValue = "soft", paramLabel = "show-tell|soft|hard", description = "Decoder (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--embed", defaultValue = "512", paramLabel = "E", description = "Word embedding size (default: ${DEFAULT-VALUE}).")
    int embed;

    @Option(names = "--hidden", defaultValue = "512", paramLabel = "H", description = "LSTM size; arctic-captions uses 1800 (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--attention-dim", defaultValue = "512", paramLabel = "A", description = "Attention MLP size (default: ${DEFAULT-VALUE}).")
    int attentionDim;

    @Option(names = "--dropout", defaultValue = "0.5", paramLabel = "P", description = "Dropout before the output layer (default: ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--lambda", defaultValue = "1.0", paramLabel = "X", description = "Doubly stochastic attention weight (default: ${DEFAULT-VALUE}).")
    float lambda;

    @Option(names = "--entropy", defaultValue = "0.002", paramLabel = "X", description = "Hard attention entropy bonus (default: ${DEFAULT-VALUE}).")
    float entropy;

    @Option(names = "--min-count", defaultValue = "5", paramLabel = "N", description = "Rarer words become <unk> (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--max-len", defaultValue = "20", paramLabel = "N", description = "Longest generated caption (default: ${DEFAULT-VALUE}).")
    int maxLen;

    @Option(names = "--fine-tune", description = {"Train the CNN too, from pixels (native VGG backbones only); the bundle then",
            "carries the tuned CNN weights, which caption run/eval use."})
    boolean fineTune;

    @Option(names = "--cnn-lr", defaultValue = "0", paramLabel = "X", description = "CNN learning rate with --fine-tune; 0 = lr/10.")
    double cnnLr;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model bundle to write (.vlm).")
    Path out;

    /** The optimizer side of the options (the recipe test compares it with TrainDefaultModel's). */
    TrainConfig trainConfig() {
        return loopOptions.trainConfig(engine.seed);
    }

    /** The data side of the options. */
    CaptionTrainingOptions trainingOptions() {
        return CaptionTrainingOptions.defaults().withBatchSize(loopOptions.batch).withMinWordCount(minCount)
                .withValidation(valSplit, valImages).withTrainSplits(trainSplits);
    }

    /** The model for a backbone of {@code channels} x {@code locations} features at {@code inputSize} px. */
    CaptionConfig modelConfig(int channels, int locations, int inputSize) {
        return CaptionConfig.defaults(Arch.parse(arch), 5, channels, locations, backbone, inputSize)
                .withSizes(embed, hidden, attentionDim).withRegularisation(dropout, lambda).withMaxLength(maxLen)
                .withHardAttention(entropy, 0.5f);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Arch a;
        TrainConfig trainConfig;
        CaptionTrainingOptions options;
        FineTuning fineTuning;
        try {
            if (cnnLr != 0 && !fineTune) throw new IllegalArgumentException("--cnn-lr needs --fine-tune");
            fineTuning = new FineTuning(cnnLr);
            a = Arch.parse(arch);
            trainConfig = trainConfig();
            options = trainingOptions();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path runDir = TrainingRunStart.runDir(out);
        TrainingLoop loop = new TrainingLoop(trainConfig, runDir);
        TrainingRunStart.Start start = TrainingRunStart.check(loop, out, loopOptions.resume, CaptionNets.TASK, trainConfig.watchMetric(), stdout);
        if (start.finished()) return ExitCodes.OK;
        Optional<TrainingState> saved = start.saved();
        CaptionDataset dataset = data.read(null);
        Path cache = cacheDir != null ? cacheDir : runDir.resolve("features");
        Device device = engine.apply();
        try (FeatureExtractor fx = Backbones.open(backbone, device, imageSize);
             FeatureCache features = FeatureCache.open(cache, fx);
             NDManager manager = NDManager.newBaseManager(device)) {
            CaptionConfig model = modelConfig(fx.channels(), fx.gridSide() * fx.gridSide(), fx.inputSize());
            CaptionTraining training = CaptionTraining.prepare(dataset, data.images, features, model, options, line -> {
                err.println(line);
                err.flush();
            });
            err.printf(Locale.ROOT, "train: %s%s, vocabulary %d words, %d training and %d validation images, run folder %s%n",
                    a, fineTune ? String.format(Locale.ROOT, " with the CNN fine-tuned (lr %.3g)", cnnLr > 0 ? cnnLr : loopOptions.lr / 10) : "",
                    training.vocabulary().size(), training.trainImages().size(), training.validationImages().size(), runDir);
            saved.ifPresent(s -> err.printf(Locale.ROOT, "train: resuming at step %d from %s%n", s.step(), loop.checkpointFile()));
            err.flush();
            // an unusable setup (IllegalArgumentException) or run folder (BundleException) is exit 2 by type (Tools)
            TrainResult r = fineTune ? training.fineTune(trainConfig, fineTuning, runDir, loopOptions.resume, manager)
                    : training.train(trainConfig, runDir, loopOptions.resume, manager);
            AtomicFiles.write(out, o -> Files.copy(r.modelFile(), o));
            stdout.printf(Locale.ROOT, "trained %d steps (%d epochs%s)%s; best %s %.4f at step %d; wrote %s%n", r.steps(),
                    r.epochsCompleted(), r.stoppedEarly() ? ", stopped early" : "",
                    Double.isNaN(r.lastLoss()) ? "" : String.format(Locale.ROOT, "; last loss %.4f", r.lastLoss()),
                    r.watchMetric(), r.bestMetric(), r.bestStep(), out);
            stdout.flush();
            return ExitCodes.OK;
        } catch (BundleException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
