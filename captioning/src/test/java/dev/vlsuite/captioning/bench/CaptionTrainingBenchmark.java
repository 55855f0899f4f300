package dev.vlsuite.captioning.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.captioning.model.Arch;
import dev.vlsuite.captioning.model.CaptionBatch;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.captioning.model.CaptionNet;
import dev.vlsuite.captioning.model.CaptionNets;
import dev.vlsuite.shared.engine.EngineOptions;
import dev.vlsuite.shared.engine.VlEngine;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainingLoop;
import dev.vlsuite.shared.train.TrainingTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Training steps per second of the soft and hard models through the real shared TrainingLoop (Adam, global-norm
 * clipping, per-step scope) at Show-Attend-Tell's shapes: B 32, L 196, D 512, E = H = A = 512, V 10k, 20 target
 * tokens per caption, random features and tokens. A main, not a test:
 * <pre>
 *   java -cp ... dev.vlsuite.captioning.bench.CaptionTrainingBenchmark [steps [threads [archs...]]]
 * </pre>
 * Prints the median steps/s over windows of 5 steps after 5 warm-up steps.
 */
public final class CaptionTrainingBenchmark {
    static final int B = 32, L = 196, D = 512, V = 10_000, T = 20, WINDOW = 5;

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        List<Arch> archs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) archs.add(Arch.parse(args[i]));
        if (archs.isEmpty()) archs = List.of(Arch.SOFT, Arch.HARD);
        VlEngine.configure(new EngineOptions("cpu", threads, 1, false));
        for (Arch arch : archs) {
            Path dir = Files.createTempDirectory("caption-bench");
            CaptionConfig config = CaptionConfig.defaults(arch, V, D, L, "vgg16", 224);
            TrainConfig train = TrainConfig.defaults().withEpochs(1).withMaxSteps(steps).withLogEvery(WINDOW)
                    .withValidation(steps, null, TrainConfig.Goal.MAX, 0).withCheckpointEvery(0).withSeed(1);
            try (NDManager manager = NDManager.newBaseManager()) {
                new TrainingLoop(train, dir).fit(new RandomCaptions(CaptionNets.create(config), steps), manager, false);
            }
            List<Double> rates = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("metrics.jsonl"))) {
                JsonNode n = Json.MAPPER.readTree(line);
                if (n.path("type").asText().equals("train") && n.get("step").asLong() > WINDOW) {
                    rates.add(n.get("stepsPerSecond").asDouble());
                }
            }
            Collections.sort(rates);
            double median = rates.get(rates.size() / 2);
            System.out.printf("%s: %.3f steps/s (%.0f ms/step) median of %s, B=%d L=%d D=%d E=H=A=512 V=%d T=%d, threads=%s%n",
                    arch, median, 1000 / median, rates, B, L, D, V, T, threads == 0 ? "default" : threads);
        }
    }

    /** Fresh random features and full-length captions every step. */
    private record RandomCaptions(CaptionNet net, int steps) implements TrainingTask<Long> {
        @Override
        public String name() {
            return CaptionNets.TASK;
        }

        @Override
        public Block block() {
            return net;
        }

        @Override
        public Shape[] inputShapes() {
            return CaptionNets.inputShapes(net.config());
        }

        @Override
        public Iterator<Long> batches(int epoch, Random rng) {
            List<Long> seeds = new ArrayList<>();
            for (int i = 0; i < steps; i++) seeds.add(rng.nextLong());
            return seeds.iterator();
        }

        @Override
        public NDArray loss(ParameterStore ps, NDManager scope, Long seed, boolean training) {
            Random r = new Random(seed);
            float[] grid = new float[B * L * D];
            for (int i = 0; i < grid.length; i++) grid[i] = r.nextFloat();
            long[] tokens = new long[B * (T + 1)];
            for (int i = 0; i < tokens.length; i++) tokens[i] = i % (T + 1) == 0 ? 1 : 4 + r.nextInt(V - 4);
            long[] lengths = new long[B];
            java.util.Arrays.fill(lengths, T);
            return net.loss(ps, new CaptionBatch(scope.create(grid, new Shape(B, L, D)),
                    scope.create(tokens, new Shape(B, T + 1)), scope.create(lengths)), training);
        }

        @Override
        public Map<String, Double> validate(ParameterStore ps) {
            return Map.of();
        }
    }
}
