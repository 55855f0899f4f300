package dev.vlsuite.shared.train;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.ParameterList;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.cli.Progress;
import dev.vlsuite.shared.io.BundleContents;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.ModelBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The one training loop of vlsuite. Per step: a fresh NDManager scope, forward + backward in a gradient collector,
 * global-norm clipping, an Adam update at the scheduled learning rate. Around it: validation, best-model keeping,
 * early stopping, a JSONL log, a progress bar on terminals, and atomic checkpoints from which {@code resume}
 * continues exactly (the batch order is a pure function of (seed, epoch), the engine RNG of (seed, step)).
 * Checkpoints are written at every validation, every {@link TrainConfig#checkpointEvery()} steps, at least every
 * {@link TrainConfig#checkpointMinutes()} minutes and at the end, so a killed run loses minutes, not hours.
 *
 * <p>Files in the run directory: {@value #CHECKPOINT} (latest state), {@value #BEST} (best parameters so far,
 * when a metric is watched), {@value #MODEL} (the result), and the metrics log.
 */
public final class TrainingLoop {
    public static final String CHECKPOINT = "checkpoint" + ModelBundle.EXTENSION;
    public static final String BEST = "best" + ModelBundle.EXTENSION;
    public static final String MODEL = "model" + ModelBundle.EXTENSION;

    private final TrainConfig config;
    private final Path runDir;
    private final MetricsLog log;

    public TrainingLoop(TrainConfig config, Path runDir) {
        this.config = config;
        this.runDir = runDir;
        Path logPath = Path.of(config.logFile());
        this.log = new MetricsLog(logPath.isAbsolute() ? logPath : runDir.resolve(logPath));
    }

    public Path checkpointFile() {
        return runDir.resolve(CHECKPOINT);
    }

    public MetricsLog log() {
        return log;
    }

    /**
     * The state saved in the run directory's checkpoint, if there is one (for "resuming at step N" lines).
     *
     * @throws IOException when the checkpoint cannot be read or belongs to another task
     */
    public Optional<TrainingState> savedState(String task) throws IOException {
        if (!Files.exists(checkpointFile())) return Optional.empty();
        return Optional.of(Checkpoint.read(checkpointFile(), task).state());
    }

    /**
     * True when a run in {@code state} has nothing left to do under this loop's config: it finished and either
     * stopped early or reached the step/epoch limit (a finished run given more steps or epochs continues).
     */
    public boolean isComplete(TrainingState state) {
        return state.finished() && (state.stoppedEarly() || state.epoch() >= config.epochs()
                || (config.maxSteps() > 0 && state.step() >= config.maxSteps()));
    }

    /** The data-order RNG of one epoch: a pure function of (seed, epoch), so resumed runs see the same order. */
    public static Random epochRandom(long seed, int epoch) {
        return new Random(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L * (epoch + 1L));
    }

    /**
     * Trains {@code task}'s block, whose parameters are created in {@code manager}.
     *
     * @param resume continue from the run directory's checkpoint when there is one (else start fresh); a fresh
     *     run overwrites the directory's log and checkpoint
     */
    public <B> TrainResult fit(TrainingTask<B> task, NDManager manager, boolean resume) throws IOException {
        Block block = task.block();
        if (!block.isInitialized()) {
            Engine.getInstance().setRandomSeed((int) config.seed()); // the initial parameters follow from the seed
            block.initialize(manager, DataType.FLOAT32, task.inputShapes());
        }
        long totalSteps = totalSteps(task);
        if (config.schedule().kind() == LrSchedule.Kind.COSINE && totalSteps <= 0) {
            throw new IllegalArgumentException("a cosine schedule needs maxSteps or the task's batchesPerEpoch()");
        }
        Files.createDirectories(runDir);
        try (GradMode off = GradMode.off(); Adam adam = new Adam(config.adam(), manager)) {
            TrainingState state = TrainingState.fresh();
            if (resume && Files.exists(checkpointFile())) {
                Checkpoint ckpt = Checkpoint.read(checkpointFile(), task.name());
                loadParameters(block, manager, ckpt.contents().parameters(), checkpointFile());
                adam.loadState(ckpt.optimizerState());
                state = ckpt.state();
                log.keepUpTo(state.step());
            } else {
                log.reset();
                Files.deleteIfExists(runDir.resolve(BEST));
            }
            return new Run<>(task, manager, block, adam, totalSteps, state).execute();
        }
    }

    private long totalSteps(TrainingTask<?> task) {
        long perEpoch = task.batchesPerEpoch();
        long byEpochs = perEpoch > 0 ? perEpoch * config.epochs() : -1;
        if (config.maxSteps() > 0) return byEpochs > 0 ? Math.min(byEpochs, config.maxSteps()) : config.maxSteps();
        return byEpochs;
    }

    private static void loadParameters(Block block, NDManager manager, byte[] bytes, Path from) throws IOException {
        try {
            BundleContents.loadParameters(block, manager, bytes);
        } catch (MalformedModelException e) {
            throw new BundleException(from, "parameters do not fit this model: " + e.getMessage(), e);
        }
    }

    /** One run's mutable state; the loop's steps in order. */
    private final class Run<B> {
        private final TrainingTask<B> task;
        private final NDManager manager;
        private final Block block;
        private final ParameterList parameters;
        private final Adam adam;
        private final long totalSteps;
        private final long startNanos = System.nanoTime();
        private final long startStep;
        private long lastCheckpointNanos = System.nanoTime();
        private TrainingState state;
        private ParameterStore ps;
        private byte[] bestParameters;
        private Map<String, Double> lastMetrics = Map.of();
        private double windowLoss;
        private long windowSteps;
        private long windowStartNanos = System.nanoTime();
        private double lastLoss = Double.NaN;
        private double lastNorm;

        Run(TrainingTask<B> task, NDManager manager, Block block, Adam adam, long totalSteps, TrainingState state) {
            this.task = task;
            this.manager = manager;
            this.block = block;
            this.parameters = block.getParameters();
            this.adam = adam;
            this.totalSteps = totalSteps;
            this.state = state;
            this.startStep = state.step();
        }

        TrainResult execute() throws IOException {
            ps = new ParameterStore(manager, false); // after any load: it caches the parameter arrays
            boolean complete = isComplete(state);
            // a finished run given more steps or epochs continues; one stopped early stays stopped
            if (complete) {
                lastMetrics = savedMetrics();
            } else if (!state.stoppedEarly()) {
                try (Progress progress = Progress.start("train " + task.name(), totalSteps)) {
                    progress.stepTo(state.step());
                    trainEpochs(progress);
                }
                finish();
            }
            restoreBest();
            if (!complete || !Files.exists(runDir.resolve(MODEL))) writeModel();
            return new TrainResult(state.step(), state.epoch(), lastLoss, config.watchMetric(), state.bestMetric(),
                    state.bestStep(), state.stoppedEarly(), lastMetrics, runDir.resolve(MODEL), checkpointFile(),
                    startStep, complete);
        }

        private void trainEpochs(Progress progress) throws IOException {
            for (int epoch = state.epoch(); epoch < config.epochs(); epoch++) {
                Iterator<B> batches = task.batches(epoch, epochRandom(config.seed(), epoch));
                for (long k = 0; k < state.batchInEpoch() && batches.hasNext(); k++) batches.next(); // resumed
                while (batches.hasNext()) {
                    if (config.maxSteps() > 0 && state.step() >= config.maxSteps()) return;
                    trainStep(batches.next());
                    state = state.at(state.step() + 1, epoch, state.batchInEpoch() + 1);
                    progress.stepTo(state.step());
                    progress.message(String.format("loss %.4f", lastLoss));
                    if (state.step() % config.logEvery() == 0) logTraining();
                    boolean validating = config.validateEvery() > 0 && state.step() % config.validateEvery() == 0;
                    boolean stop = validating && validate();
                    if (stop) return; // finish() writes the final checkpoint
                    if (validating || checkpointDue()) checkpoint();
                }
                state = state.at(state.step(), epoch + 1, 0);
                if (config.validateEvery() == 0) {
                    if (validate()) return;
                    checkpoint();
                }
            }
        }

        /** The step cadence or the time cadence asks for a checkpoint now. */
        private boolean checkpointDue() {
            if (config.checkpointEvery() > 0 && state.step() % config.checkpointEvery() == 0) return true;
            double minutes = config.checkpointMinutes();
            return minutes > 0 && System.nanoTime() - lastCheckpointNanos >= (long) (minutes * 60e9);
        }

        private void trainStep(B batch) {
            double lr = config.schedule().lr(config.lr(), state.step(), totalSteps);
            // dropout and sampling draw from the engine RNG: seeding it per step makes a resumed step identical
            Engine.getInstance().setRandomSeed((int) (config.seed() * 31 + state.step()));
            try (NDManager scope = manager.newSubManager()) {
                NDArray loss;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    loss = task.loss(ps, scope, batch, true);
                    collector.backward(loss);
                }
                float value = loss.getFloat();
                if (!Float.isFinite(value)) {
                    throw new IllegalStateException("training loss is " + value + " at step " + (state.step() + 1)
                            + " of " + task.name() + "; lower the learning rate or check the data");
                }
                lastNorm = GradientClipping.clipGlobalNorm(parameters, config.clipNorm(), scope);
                adam.update(parameters, lr, task::lrScale, scope);
                lastLoss = value;
                windowLoss += value;
                windowSteps++;
            }
        }

        private void logTraining() throws IOException {
            double seconds = (System.nanoTime() - windowStartNanos) / 1e9;
            ObjectNode line = entry("train");
            putNumber(line, "loss", windowSteps > 0 ? windowLoss / windowSteps : Double.NaN);
            line.put("lr", config.schedule().lr(config.lr(), state.step() - 1, totalSteps));
            line.put("gradNorm", lastNorm);
            line.put("stepsPerSecond", seconds > 0 ? windowSteps / seconds : 0);
            log.append(line);
            lastLoss = windowSteps > 0 ? windowLoss / windowSteps : lastLoss;
            windowLoss = 0;
            windowSteps = 0;
            windowStartNanos = System.nanoTime();
        }

        /** Runs the task's validation; keeps the best; returns true when patience ran out. */
        private boolean validate() throws IOException {
            Engine.getInstance().setRandomSeed((int) (config.seed() * 17 + state.step()));
            Map<String, Double> metrics = new LinkedHashMap<>(task.validate(ps));
            lastMetrics = Map.copyOf(metrics);
            ObjectNode line = entry("validation");
            ObjectNode values = line.putObject("metrics");
            metrics.forEach((k, v) -> putNumber(values, k, v));
            String watched = config.watchMetric();
            boolean stop = false;
            if (watched != null) {
                Double value = metrics.get(watched);
                if (value == null) {
                    throw new IllegalStateException("validation of " + task.name() + " gave no metric '" + watched
                            + "' (it gave " + metrics.keySet() + ")");
                }
                boolean improved = config.improves(value, state.bestMetric());
                double best = improved ? value : state.bestMetric();
                long bestStep = improved ? state.step() : state.bestStep();
                int misses = improved ? 0 : state.validationsWithoutImprovement() + 1;
                stop = config.patience() > 0 && misses >= config.patience();
                state = state.validated(best, bestStep, misses, stop);
                if (improved) keepBest(metrics);
                line.put("improved", improved);
                putNumber(line, "best", best);
            }
            else state = state.validated(state.bestMetric(), state.bestStep(), 0, false);
            log.append(line);
            return stop;
        }

        private void keepBest(Map<String, Double> metrics) throws IOException {
            bestParameters = BundleContents.parameterBytes(block);
            ObjectNode meta = metadata();
            meta.set("metrics", Json.MAPPER.valueToTree(metrics));
            ModelBundle.write(runDir.resolve(BEST), new BundleContents(task.name(), configJson(), task.vocabulary(),
                    meta, bestParameters, Map.of()));
        }

        private void finish() throws IOException {
            boolean early = state.stoppedEarly();
            if (state.lastValidationStep() != state.step()) validate(); // the result always has fresh metrics
            state = state.validated(state.bestMetric(), state.bestStep(), state.validationsWithoutImprovement(), early)
                    .done();
            checkpoint();
        }

        private void checkpoint() throws IOException {
            BundleContents contents = new BundleContents(task.name(), configJson(), task.vocabulary(), metadata(),
                    BundleContents.parameterBytes(block), Map.of());
            new Checkpoint(contents, state, config, adam.saveState()).write(checkpointFile());
            lastCheckpointNanos = System.nanoTime();
        }

        /** The last validation's metrics of a completed run, from its model bundle (empty when absent). */
        private Map<String, Double> savedMetrics() {
            try {
                var metrics = ModelBundle.read(runDir.resolve(MODEL), task.name()).metadata().get("metrics");
                if (metrics == null || !metrics.isObject()) return Map.of();
                Map<String, Double> out = new LinkedHashMap<>();
                metrics.fields().forEachRemaining(e -> { if (e.getValue().isNumber()) out.put(e.getKey(), e.getValue().asDouble()); });
                return Map.copyOf(out);
            } catch (IOException e) {
                return Map.of(); // the model is rewritten from the checkpoint's parameters below
            }
        }

        /** The block ends with the best parameters when a metric was watched. */
        private void restoreBest() throws IOException {
            if (config.watchMetric() == null || state.bestStep() < 0) return;
            if (bestParameters == null) { // best found before a resume: it is on disk
                bestParameters = ModelBundle.read(runDir.resolve(BEST), task.name()).parameters();
            }
            loadParameters(block, manager, bestParameters, runDir.resolve(BEST));
        }

        private void writeModel() throws IOException {
            ObjectNode meta = metadata();
            meta.set("metrics", Json.MAPPER.valueToTree(lastMetrics));
            meta.put("stoppedEarly", state.stoppedEarly());
            ModelBundle.write(runDir.resolve(MODEL), new BundleContents(task.name(), configJson(), task.vocabulary(),
                    meta, BundleContents.parameterBytes(block), Map.of()));
        }

        private ObjectNode metadata() {
            ObjectNode meta = Json.MAPPER.createObjectNode();
            meta.put("step", state.step());
            meta.put("epoch", state.epoch());
            if (config.watchMetric() != null) {
                meta.put("watchMetric", config.watchMetric());
                putNumber(meta, "bestMetric", state.bestMetric());
                meta.put("bestStep", state.bestStep());
            }
            meta.put("written", Instant.now().toString());
            return meta;
        }

        private com.fasterxml.jackson.databind.JsonNode configJson() {
            Object arch = task.architectureConfig();
            return arch == null ? null : Json.MAPPER.valueToTree(arch);
        }

        private ObjectNode entry(String type) {
            ObjectNode line = Json.MAPPER.createObjectNode();
            line.put("type", type);
            line.put("step", state.step());
            line.put("epoch", state.epoch());
            line.put("seconds", Math.round((System.nanoTime() - startNanos) / 1e6) / 1e3);
            line.put("time", Instant.now().toString());
            return line;
        }

        private static void putNumber(ObjectNode node, String key, double value) {
            if (Double.isFinite(value)) node.put(key, value); else node.putNull(key); // JSON has no NaN
        }
    }
}
