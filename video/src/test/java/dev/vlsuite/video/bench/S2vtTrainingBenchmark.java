package dev.vlsuite.video.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.engine.EngineOptions;
import dev.vlsuite.shared.engine.VlEngine;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainingLoop;
import dev.vlsuite.shared.train.TrainingTask;
import dev.vlsuite.video.model.Arch;
import dev.vlsuite.video.model.VideoConfig;
import dev.vlsuite.video.model.VideoNet;
import dev.vlsuite.video.model.VideoNets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * S2VT training steps per second through the real shared TrainingLoop (Adam, global-norm clipping, per-step
 * scope) at the shapes: B 32, N 80 frames of 4096-d fc7 features, 19 fed words (20 token rows), V 10k,
 * P = E = 500 (the paper's), hidden H given. Random features and tokens; dropout 0.5 as in training. A main, not a test:
 * <pre>
 *   java -cp ... dev.vlsuite.video.bench.S2vtTrainingBenchmark [steps [threads [hidden...]]]
 * </pre>
 * Prints the median steps/s over windows of 5 steps after the first window (warm-up).
 */
public final class S2vtTrainingBenchmark {
    static final int B = 32, N = 80, F = 4096, V = 10_000, T = 19, WINDOW = 5;

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        List<Integer> hiddens = new ArrayList<>();
        for (int i = 2; i < args.length; i++) hiddens.add(Integer.parseInt(args[i]));
        if (hiddens.isEmpty()) hiddens = List.of(512);
        VlEngine.configure(new EngineOptions("cpu", threads, 1, false));
        for (int hidden : hiddens) {
            Path dir = Files.createTempDirectory("s2vt-bench");
            VideoConfig config = VideoConfig.paper(Arch.S2VT).withData(V, F, N, "vgg16", 224, 0)
                    .withSizes(500, 500, hidden, 0.5).withMaxLength(T + 1);
            TrainConfig train = TrainConfig.defaults().withEpochs(1).withMaxSteps(steps).withLogEvery(WINDOW)
                    .withValidation(steps, null, TrainConfig.Goal.MAX, 0).withCheckpointEvery(0).withSeed(1);
            try (NDManager manager = NDManager.newBaseManager()) {
                new TrainingLoop(train, dir).fit(new RandomVideos(VideoNets.create(config), steps), manager, false);
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
            System.out.printf("s2vt H=%d: %.3f steps/s (%.0f ms/step) median of %s, B=%d N=%d F=%d P=E=500 V=%d T=%d, threads=%s%n",
                    hidden, median, 1000 / median, rates, B, N, F, V, T, threads == 0 ? "default" : threads);
        }
    }

    /** Fresh random features and full-length captions every step. */
    private record RandomVideos(VideoNet net, int steps) implements TrainingTask<Long> {
        @Override
        public String name() {
            return VideoNets.TASK;
        }

        @Override
        public Block block() {
            return net;
        }

        @Override
        public Shape[] inputShapes() {
            return VideoNets.inputShapes(net.config());
        }

        @Override
        public Iterator<Long> batches(int epoch, Random rng) {
            List<Long> seeds = new ArrayList<>();
            for (int i = 0; i < steps; i++) seeds.add(rng.nextLong());
            return seeds.iterator();
        }

        @Override
        public NDArray loss(ParameterStore ps, NDManager scope, Long seed, boolean training) {
            // SplittableRandom: java.util.Random's synchronised nextFloat took 270 ms for these 10.5M floats (single
            // thread, load 35, 2026-12-01) against 34 ms here, a cost PyTorch's vectorised torch.rand does not pay
            SplittableRandom r = new SplittableRandom(seed);
            float[] frames = new float[B * N * F];
            for (int i = 0; i < frames.length; i++) frames[i] = (float) r.nextDouble();
            long[] tokens = new long[B * (T + 1)];
            for (int i = 0; i < tokens.length; i++) tokens[i] = i % (T + 1) == 0 ? 1 : 4 + r.nextInt(V - 4);
            long[] lengths = new long[B];
            Arrays.fill(lengths, T);
            return net.loss(ps, scope.create(frames, new Shape(B, N, F)), scope.create(tokens, new Shape(B, T + 1)),
                    scope.create(lengths), training);
        }

        @Override
        public Map<String, Double> validate(ParameterStore ps) {
            return Map.of();
        }
    }
}
