package dev.vlsuite.video.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.TrainingMixin;
import dev.vlsuite.shared.cli.TrainingRunStart;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import dev.vlsuite.shared.train.TrainingLoop;
import dev.vlsuite.shared.train.TrainingState;
import dev.vlsuite.shared.video.Sampling;
import dev.vlsuite.video.api.FeatureStore;
import dev.vlsuite.video.api.FrameFeatures;
import dev.vlsuite.video.api.StreamFeatures;
import dev.vlsuite.video.model.Arch;
import dev.vlsuite.video.model.Streams;
import dev.vlsuite.video.model.VideoConfig;
import dev.vlsuite.video.model.VideoNets;
import dev.vlsuite.video.training.VideoCorpus;
import dev.vlsuite.video.training.VideoTraining;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code video train}: train s2vt or mean-pool on frame features of an MSR-VTT-layout data set (training.VideoTraining). */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train s2vt or mean-pool on frozen backbone features of sampled frames (cached under --cache).",
                "Data: MSR-VTT videodatainfo.json or MSVD video_corpus.csv (both written by 'synth videos').",
                "Validation captions (greedy) are scored with BLEU and CIDEr; the best model by --watch is kept.",
                "The run folder OUT.run/ holds the checkpoint and metrics.jsonl; --resume continues it."})
final class TrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;
    /** --epochs, --steps, --batch, --lr (1e-3), --lr-schedule ..., --checkpoint-minutes, --resume (shared with 'caption train'). */
    @Mixin TrainingMixin loopOptions = new TrainingMixin(1e-3);

    @Option(names = "--task", defaultValue = "caption", paramLabel = "caption|classify",
            description = "caption (default), or classify: an action classifier (--arch lstm|frame-mean|single-frame) on UCF101"
                    + " lists, a folder per class or the groundtruth.json of 'synth videos' (see ClassifyTrain).")
    String task;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "MSR-VTT videodatainfo.json, or MSVD video_corpus.csv (English rows; clips VideoID_Start_End.avi).")
    Path data;

    @Option(names = "--videos", paramLabel = "DIR",
            description = "Folder of the clips (default: 'videos' (MSR-VTT) or 'YouTubeClips' (MSVD) beside --data).")
    Path videos;

    @Option(names = "--msvd-split", defaultValue = "1200,100", split = ",", paramLabel = "TRAIN,VAL",
            description = "MSVD has no split column: the first TRAIN clips train, the next VAL validate, the rest test (default: ${DEFAULT-VALUE}).")
    List<Integer> msvdSplit;

    @Option(names = "--split-train", defaultValue = "train", split = ",", paramLabel = "LIST", description = "Splits to train on (default: ${DEFAULT-VALUE}).")
    List<String> trainSplits;

    @Option(names = "--split-val", defaultValue = "validate", paramLabel = "NAME", description = "Validation split (default: ${DEFAULT-VALUE}).")
    String valSplit;

    @Option(names = "--arch", defaultValue = "s2vt", paramLabel = "s2vt|mean-pool", description = "Model (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--streams", defaultValue = "rgb", paramLabel = "rgb|diff|rgb+diff",
            description = "rgb; diff (frame differences through the same backbone and map: the motion stream alone, to"
                    + " 'fuse' with an rgb model); or rgb+diff: both, fused at the word scores as S2VT fuses RGB and flow (default: ${DEFAULT-VALUE}).")
    String streams;

    @Option(names = "--diff-weight", defaultValue = "0.5", paramLabel = "A",
            description = "rgb+diff: word score (1 - A) log p_rgb + A log p_diff, saved in the model (default: ${DEFAULT-VALUE}).")
    double diffWeight;

    @Option(names = "--frames", defaultValue = "32", paramLabel = "N", description = "Evenly spaced frames per video (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--backbone", defaultValue = "vgg-small", paramLabel = "SPEC",
            description = "vgg-small (4x4 map of its grid), vgg16 (fc7), vgg16:FILE.pt|.params (default: ${DEFAULT-VALUE}).")
    String backbone;

    @Option(names = "--image-size", defaultValue = "0", paramLabel = "PX", description = "Backbone input side; 0 = its own.")
    int imageSize;

    @Option(names = "--cache", paramLabel = "DIR", description = "Frame feature cache (default: OUT.run/features).")
    Path cacheDir;

    @Option(names = "--proj", defaultValue = "500", paramLabel = "P", description = "Frame projection size, S2VT's 500 (default: ${DEFAULT-VALUE}).")
    int proj;

    @Option(names = "--embed", defaultValue = "500", paramLabel = "E", description = "Word embedding size (default: ${DEFAULT-VALUE}).")
    int embed;

    @Option(names = "--hidden", defaultValue = "1000", paramLabel = "H", description = "LSTM size (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--dropout", defaultValue = "0.5", paramLabel = "P", description = "Dropout (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--min-count", defaultValue = "1", paramLabel = "N", description = "Rarer words become <unk> (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--max-len", defaultValue = "20", paramLabel = "N", description = "Longest generated caption (default: ${DEFAULT-VALUE}).")
    int maxLen;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model bundle to write (.vlm).")
    Path out;

    /** The optimiser side of the options. */
    TrainConfig trainConfig() {
        return loopOptions.trainConfig(engine.seed);
    }

    @Override
    public Integer call() throws IOException {
        if (!"caption".equals(task)) {
            if ("classify".equals(task)) return ClassifyTrain.run(this);
            throw new UsageException("--task must be caption or classify: " + task);
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        VideoConfig model;
        TrainConfig trainConfig;
        try {
            if (frames < 1) throw new IllegalArgumentException("--frames must be >= 1");
            model = VideoConfig.paper(Arch.parse(arch)).withSizes(proj, embed, hidden, dropout).withMaxLength(maxLen)
                    .withStreams(Streams.parse(streams), diffWeight);
            trainConfig = trainConfig();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path runDir = TrainingRunStart.runDir(out);
        TrainingLoop loop = new TrainingLoop(trainConfig, runDir);
        TrainingRunStart.Start start = TrainingRunStart.check(loop, out, loopOptions.resume, VideoNets.TASK, trainConfig.watchMetric(), stdout);
        if (start.finished()) return ExitCodes.OK;
        Optional<TrainingState> saved = start.saved();
        if (!Files.isRegularFile(data)) throw new UsageException(data + ": no such file");
        int[] bad = {0};
        List<VideoCorpus.Item> items = VideoCorpus.read(data, videos, msvdSplit.get(0), msvdSplit.size() > 1 ? msvdSplit.get(1) : 0, line -> {
            err.println(line);
            bad[0]++;
        });
        Device device = engine.apply();
        Sampling sampling = Sampling.evenly(frames);
        try (FrameFeatures features = FrameFeatures.open(backbone, imageSize, -1, device);
             NDManager manager = NDManager.newBaseManager(device)) {
            FeatureStore store = new FeatureStore(cacheDir != null ? cacheDir : runDir.resolve("features"));
            StreamFeatures input = new StreamFeatures(features, model.streams(), store);
            List<VideoTraining.Video> train = VideoTraining.extract(VideoCorpus.split(items, trainSplits), input, sampling, line -> {
                err.println(line);
                err.flush();
            });
            List<VideoTraining.Video> val = VideoTraining.extract(VideoCorpus.split(items, List.of(valSplit)), input, sampling, line -> {
                err.println(line);
                err.flush();
            });
            VideoConfig withData = model.withData(5, model.streams().count(), frames, backbone, features.imageSize(), features.spatialSide());
            VideoTraining training = VideoTraining.prepare(train, val, withData, minCount, loopOptions.batch);
            err.printf(Locale.ROOT, "train: %s (%s), %d frames of %d values, vocabulary %d words, %d training and %d validation videos, run folder %s%n",
                    training.config().arch(), training.config().streams(), frames, training.config().featureSize(), training.vocabulary().size(), train.size(), val.size(), runDir);
            saved.ifPresent(st -> err.printf(Locale.ROOT, "train: resuming at step %d from %s%n", st.step(), loop.checkpointFile()));
            err.flush();
            TrainResult r = training.train(trainConfig, runDir, loopOptions.resume, manager);
            AtomicFiles.write(out, o -> Files.copy(r.modelFile(), o));
            stdout.printf(Locale.ROOT, "trained %d steps (%d epochs%s); last loss %.4f; best %s %.4f at step %d; wrote %s%n", r.steps(),
                    r.epochsCompleted(), r.stoppedEarly() ? ", stopped early" : "", r.lastLoss(), r.watchMetric(), r.bestMetric(),
                    r.bestStep(), out);
            stdout.flush();
            return ExitCodes.OK;
        } catch (BundleException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
