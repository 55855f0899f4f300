package dev.vlsuite.video.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.TrainingRunStart;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import dev.vlsuite.shared.train.TrainingLoop;
import dev.vlsuite.shared.video.Sampling;
import dev.vlsuite.video.api.FeatureStore;
import dev.vlsuite.video.api.FrameFeatures;
import dev.vlsuite.video.model.ActionArch;
import dev.vlsuite.video.model.ActionNets;
import dev.vlsuite.video.model.ActionConfig;
import dev.vlsuite.video.training.ActionCorpus;
import dev.vlsuite.video.training.ActionTraining;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ParseResult;

/**
 * {@code video train --task classify}: trains an action classifier (training.ActionTraining) with the train command's
 * options. Options left at their caption defaults take the classifier's (arch lstm, 16 frames, hidden 256, watch
 * accuracy); caption-only options are refused.
 */
final class ClassifyTrain {
    private static final List<String> CAPTION_ONLY = List.of("--proj", "--embed", "--min-count", "--max-len", "--msvd-split");

    private ClassifyTrain() {}

    static int run(TrainCommand c) throws IOException {
        PrintWriter err = c.spec.commandLine().getErr();
        PrintWriter stdout = c.spec.commandLine().getOut();
        ParseResult parsed = c.spec.commandLine().getParseResult();
        for (String o : CAPTION_ONLY) if (parsed.hasMatchedOption(o)) throw new UsageException(o + " is a captioning option; not used with --task classify");
        ActionConfig model;
        TrainConfig trainConfig;
        int frames = parsed.hasMatchedOption("--frames") ? c.frames : ActionConfig.DEFAULT_FRAMES;
        try {
            if (frames < 1) throw new IllegalArgumentException("--frames must be >= 1");
            ActionArch arch = parsed.hasMatchedOption("--arch") ? ActionArch.parse(c.arch) : ActionArch.LSTM;
            int hidden = parsed.hasMatchedOption("--hidden") ? c.hidden : ActionConfig.DEFAULT_HIDDEN;
            String watch = parsed.hasMatchedOption("--watch") ? c.loopOptions.watch : "accuracy";
            model = ActionConfig.paper(arch).withSizes(hidden, c.dropout);
            // the shared training options (TrainingMixin), with accuracy as the default metric to watch
            trainConfig = c.trainConfig().withValidation(c.loopOptions.validateEvery, watch, TrainConfig.Goal.MAX, c.loopOptions.patience);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path runDir = TrainingRunStart.runDir(c.out);
        if (TrainingRunStart.check(new TrainingLoop(trainConfig, runDir), c.out, c.loopOptions.resume, ActionNets.TASK,
                trainConfig.watchMetric(), stdout).finished()) return ExitCodes.OK;
        ActionCorpus corpus;
        try {
            corpus = ActionCorpus.read(c.data, c.videos, line -> err.println(line));
        } catch (IOException e) {
            if (!Files.exists(c.data)) throw new UsageException(c.data + ": no such file or folder");
            throw new UsageException(e.getMessage(), e);
        }
        corpus.notes().forEach(err::println);
        Device device = c.engine.apply();
        Sampling sampling = Sampling.evenly(frames);
        try (FrameFeatures features = FrameFeatures.open(c.backbone, c.imageSize, -1, device);
             NDManager manager = NDManager.newBaseManager(device)) {
            FeatureStore store = new FeatureStore(c.cacheDir != null ? c.cacheDir : runDir.resolve("features"));
            List<ActionTraining.Clip> train = ActionTraining.extract(corpus.split(c.trainSplits), features, store, sampling, line -> {
                err.println(line);
                err.flush();
            });
            List<ActionTraining.Clip> val = ActionTraining.extract(corpus.split(List.of(c.valSplit)), features, store, sampling, line -> {
                err.println(line);
                err.flush();
            });
            ActionConfig withData = new ActionConfig(model.arch(), corpus.classes().size(), 1, frames, model.hiddenSize(), model.dropout(),
                    c.backbone, features.imageSize(), features.spatialSide());
            ActionTraining training = ActionTraining.prepare(train, val, corpus.classes(), withData, c.loopOptions.batch);
            TrainConfig tc = val.isEmpty() ? trainConfig.withValidation(c.loopOptions.validateEvery, null, TrainConfig.Goal.MAX, 0) : trainConfig;
            err.printf(Locale.ROOT, "train --task classify: %s, %d classes, %d frames of %d values, %d training and %d validation videos%s, run folder %s%n",
                    training.config().arch(), corpus.classes().size(), frames, training.config().featureSize(), train.size(), val.size(),
                    val.isEmpty() ? " (no '" + c.valSplit + "' split: the last parameters are kept)" : "", runDir);
            err.flush();
            TrainResult r = training.train(tc, runDir, c.loopOptions.resume, manager);
            AtomicFiles.write(c.out, o -> Files.copy(r.modelFile(), o));
            stdout.printf(Locale.ROOT, "trained %d steps (%d epochs%s); last loss %.4f; %s; wrote %s%n", r.steps(), r.epochsCompleted(),
                    r.stoppedEarly() ? ", stopped early" : "", r.lastLoss(),
                    r.watchMetric() == null ? "no validation" : String.format(Locale.ROOT, "best validation %s %.4f at step %d", r.watchMetric(), r.bestMetric(), r.bestStep()),
                    c.out);
            stdout.flush();
            return ExitCodes.OK;
        } catch (BundleException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
