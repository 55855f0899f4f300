package dev.vlsuite.navigation.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.navigation.api.Rollout;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.EpisodeReader;
import dev.vlsuite.navigation.model.Seq2SeqConfig;
import dev.vlsuite.navigation.training.NavTraining;
import dev.vlsuite.navigation.api.SpeakerScorer;
import dev.vlsuite.navigation.api.Navigator;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.TrainingRunStart;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.train.LrSchedule;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import dev.vlsuite.shared.train.TrainingLoop;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code navigate train}: train the seq2seq agent on R2R episodes (resumable; validation SR/SPL picks the best). */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the seq2seq agent (Anderson et al. 2018) on R2R episodes of a houses folder with the shared training",
                "loop: checkpoints in OUT.run/ (--resume continues), validation success rate and SPL on val_unseen pick the best model."})
final class TrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;
    @Mixin WorldOptions world;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Houses folder: R2R_<split>.json, connectivity/, views/ (as 'synth houses' writes).")
    Path data;

    @Option(names = "--split-train", defaultValue = "train", paramLabel = "NAME", description = "Training split (default: ${DEFAULT-VALUE}).")
    String trainSplit;

    @Option(names = "--split-val", defaultValue = "val_unseen", paramLabel = "NAME", description = "Validation split (default: ${DEFAULT-VALUE}).")
    String valSplit;

    @Option(names = "--arch", defaultValue = "seq2seq", paramLabel = "seq2seq|rcm|speaker",
            description = {"seq2seq (low-level actions), rcm (Wang et al. 2019's cross-modal agent, panoramic actions; imitation,",
                    "then --rl from --init) or speaker (rcm's matching critic: trajectory -> instruction) (default: ${DEFAULT-VALUE})."})
    String arch;

    @Option(names = "--rl", description = "rcm: RL fine-tuning of the --init model (REINFORCE + imitation, rewards: distance, success, --speaker).")
    boolean rl;

    @Option(names = "--init", paramLabel = "MODEL", description = "rcm --rl: the imitation-trained rcm bundle to start from.")
    Path init;

    @Option(names = "--speaker", paramLabel = "MODEL", description = "rcm --rl: the speaker bundle ('train --arch speaker') whose score is the intrinsic reward.")
    Path speaker;

    @Option(names = "--ml-weight", defaultValue = "0.2", paramLabel = "W", description = "rcm --rl: weight of the imitation loss (default: ${DEFAULT-VALUE}).")
    double mlWeight;

    @Option(names = "--intrinsic-weight", defaultValue = "1.0", paramLabel = "W", description = "rcm --rl: weight of the speaker's reward (default: ${DEFAULT-VALUE}).")
    double intrinsicWeight;

    @Option(names = "--blind", description = "Train the instruction-blind agent (same net, the instruction replaced by one unknown word).")
    boolean blind;

    @Option(names = "--feedback", defaultValue = "sample", paramLabel = "sample|teacher",
            description = "Student forcing (sampled actions, the baseline's) or teacher forcing (default: ${DEFAULT-VALUE}).")
    String feedback;

    @Option(names = "--embed", defaultValue = "256", paramLabel = "E", description = "Word embedding (default: ${DEFAULT-VALUE}).")
    int embed;

    @Option(names = "--hidden", defaultValue = "512", paramLabel = "H", description = "Encoder and decoder LSTM size (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--action-embed", defaultValue = "32", paramLabel = "A", description = "Action embedding (default: ${DEFAULT-VALUE}).")
    int actionEmbed;

    @Option(names = "--dropout", defaultValue = "0.5", paramLabel = "P", description = "Dropout (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--min-count", defaultValue = "5", paramLabel = "N", description = "Rarer words become <unk> (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--max-actions", defaultValue = "20", paramLabel = "N", description = "Actions per episode (default: ${DEFAULT-VALUE}).")
    int maxActions;

    @Option(names = "--epochs", defaultValue = "20", paramLabel = "N", description = "Passes over the training instructions (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--steps", defaultValue = "0", paramLabel = "N", description = "Stop after N updates; 0 = epochs decide.")
    long steps;

    @Option(names = "--batch", defaultValue = "100", paramLabel = "N", description = "Instructions per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-4", paramLabel = "X", description = "Adam learning rate, the baseline's (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--lr-schedule", defaultValue = "constant", paramLabel = "constant|cosine",
            description = "Learning rate over the run: constant (the baseline's) or cosine decay to --min-lr-fraction x --lr (default: ${DEFAULT-VALUE}).")
    String lrSchedule;

    @Option(names = "--min-lr-fraction", defaultValue = "0.1", paramLabel = "X", description = "Cosine schedule: the final lr as a fraction of --lr (default: ${DEFAULT-VALUE}).")
    double minLrFraction;

    @Option(names = "--validate-every", defaultValue = "0", paramLabel = "N", description = "Validate every N steps; 0 = every epoch.")
    long validateEvery;

    @Option(names = "--patience", defaultValue = "0", paramLabel = "N", description = "Stop after N validations without improvement; 0 = never.")
    int patience;

    @Option(names = "--checkpoint-minutes", defaultValue = "5", paramLabel = "M", description = "Checkpoint at least every M minutes (default: ${DEFAULT-VALUE}).")
    double checkpointMinutes;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model bundle to write (.vlm); the run folder is MODEL.run/.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in MODEL.run/ from its last checkpoint.")
    boolean resume;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Seq2SeqConfig model;
        TrainConfig trainConfig;
        Rollout.Feedback fb;
        if (!List.of("seq2seq", "rcm", "speaker").contains(arch)) throw new UsageException("--arch must be seq2seq, rcm or speaker: " + arch);
        if (!arch.equals("rcm") && (rl || init != null || speaker != null)) throw new UsageException("--rl, --init and --speaker are for --arch rcm");
        if (rl != (init != null)) throw new UsageException("--rl needs --init MODEL (the imitation-trained rcm), and --init needs --rl");
        try {
            fb = switch (feedback) {
                case "sample" -> Rollout.Feedback.SAMPLE;
                case "teacher" -> Rollout.Feedback.TEACHER;
                default -> throw new IllegalArgumentException("--feedback must be sample or teacher: " + feedback);
            };
            if (batch < 1) throw new IllegalArgumentException("--batch must be >= 1");
            model = Seq2SeqConfig.paper(0, 0).withSizes(embed, hidden, actionEmbed, dropout).withMaxActions(maxActions).withBlind(blind);
            LrSchedule schedule = switch (lrSchedule) {
                case "constant" -> LrSchedule.constant();
                case "cosine" -> LrSchedule.cosine(0, minLrFraction);
                default -> throw new IllegalArgumentException("--lr-schedule must be constant or cosine: " + lrSchedule);
            };
            trainConfig = TrainConfig.defaults().withEpochs(epochs).withMaxSteps(steps).withLr(lr, schedule)
                    .withValidation(validateEvery, arch.equals("speaker") ? "word_nll" : "success_rate",
                            arch.equals("speaker") ? TrainConfig.Goal.MIN : TrainConfig.Goal.MAX, patience)
                    .withCheckpointMinutes(checkpointMinutes).withSeed(engine.seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path runDir = TrainingRunStart.runDir(out);
        String task = arch.equals("speaker") ? SpeakerScorer.TASK : Navigator.TASK;
        if (TrainingRunStart.check(new TrainingLoop(trainConfig, runDir), out, resume, task, trainConfig.watchMetric(), stdout).finished())
            return ExitCodes.OK;
        Path trainFile = data.resolve("R2R_" + trainSplit + ".json"), valFile = data.resolve("R2R_" + valSplit + ".json");
        if (!Files.isRegularFile(trainFile)) throw new UsageException(trainFile + ": no such episodes file");
        int[] bad = {0};
        List<Episode> train = EpisodeReader.read(trainFile, line -> {
            err.println(line);
            bad[0]++;
        });
        List<Episode> val = Files.isRegularFile(valFile) ? EpisodeReader.read(valFile, line -> {
            err.println(line);
            bad[0]++;
        }) : List.of();
        Device device = engine.apply();
        Set<String> scans = WorldOptions.scansOf(train);
        scans.addAll(WorldOptions.scansOf(val));
        try (NDManager manager = NDManager.newBaseManager(device)) {
            Environment env = world.environment(data, scans, device, err);
            List<Episode> usable = usable(train, env, err, bad);
            List<Episode> usableVal = usable(val, env, err, bad);
            if (!arch.equals("seq2seq")) {
                TrainResult r = new RcmTrainer(this, err).train(usable, usableVal, env, trainConfig, runDir, manager);
                AtomicFiles.write(out, o -> Files.copy(r.modelFile(), o));
                stdout.printf(Locale.ROOT, "trained %d steps (%d epochs%s); last loss %.4f; best %s %.4f at step %d; wrote %s%n", r.steps(),
                        r.epochsCompleted(), r.stoppedEarly() ? ", stopped early" : "", r.lastLoss(), trainConfig.watchMetric(),
                        r.bestMetric(), r.bestStep(), out);
                stdout.flush();
                return bad[0] == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
            }
            NavTraining training = NavTraining.prepare(usable, usableVal, env, model, minCount, batch, fb);
            err.printf(Locale.ROOT, "train: seq2seq%s, %d-d view features, vocabulary %d words, %d training and %d validation episodes, run folder %s%n",
                    blind ? " (instruction-blind)" : "", training.config().featureSize(), training.vocabulary().size(), usable.size(), usableVal.size(), runDir);
            err.flush();
            TrainResult r = training.train(trainConfig, runDir, resume, manager);
            AtomicFiles.write(out, o -> Files.copy(r.modelFile(), o));
            stdout.printf(Locale.ROOT, "trained %d steps (%d epochs%s); last loss %.4f; best success_rate %.4f at step %d; wrote %s%n", r.steps(),
                    r.epochsCompleted(), r.stoppedEarly() ? ", stopped early" : "", r.lastLoss(), r.bestMetric(), r.bestStep(), out);
            stdout.flush();
            return bad[0] == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
        } catch (BundleException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        } finally {
            world.close();
        }
    }

    /** Episodes whose start and goal are in the graphs and whose views could be read; the others reported. */
    static List<Episode> usable(List<Episode> episodes, Environment env, PrintWriter err, int[] bad) {
        List<Episode> out = new ArrayList<>();
        for (Episode e : episodes) {
            try {
                env.graph(e.scan()).viewpoint(e.start());
                env.graph(e.scan()).viewpoint(e.goal());
                for (String v : e.path()) env.features().panorama(e.scan(), v);
                out.add(e);
            } catch (IllegalArgumentException ex) {
                err.println("episode " + e.pathId() + ": " + ex.getMessage());
                bad[0]++;
            }
        }
        return out;
    }
}
