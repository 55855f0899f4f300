package dev.vlsuite.vqa.bench;

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
import dev.vlsuite.vqa.model.Arch;
import dev.vlsuite.vqa.model.VqaConfig;
import dev.vlsuite.vqa.model.VqaNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * lstm-q-norm-i training steps per second through the real shared TrainingLoop (Adam, global-norm clipping,
 * per-step scope) at the shapes: B 128, questions of 26 words, V 10k, 1000 answers, fc7 image vectors
 * (4096), the papers' sizes (E 300, 2-layer LSTM 512, common 1024, MLP 1000, dropout 0.5). Random inputs, one-hot
 * targets. A main, not a test:
 * <pre>
 *   java -cp ... dev.vlsuite.vqa.bench.VqaTrainingBenchmark [steps [threads]]
 * </pre>
 * Prints the median steps/s over windows of 5 steps after the first window (warm-up).
 */
public final class VqaTrainingBenchmark {
    static final int B = 128, T = 26, V = 10_000, A = 1000, D = 4096, WINDOW = 5;

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        VlEngine.configure(new EngineOptions("cpu", threads, 1, false));
        Path dir = Files.createTempDirectory("vqa-bench");
        VqaConfig config = VqaConfig.defaults(Arch.LSTM_Q_NORM_I, D, 1, "fc7", "vgg16", 224).withVocabularies(V, A);
        TrainConfig train = TrainConfig.defaults().withEpochs(1).withMaxSteps(steps).withLogEvery(WINDOW)
                .withValidation(steps, null, TrainConfig.Goal.MAX, 0).withCheckpointEvery(0).withSeed(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            new TrainingLoop(train, dir).fit(new RandomQuestions(VqaNet.create(config), steps), manager, false);
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
        System.out.printf("lstm-q-norm-i: %.3f steps/s (%.0f ms/step) median of %s, B=%d T=%d V=%d A=%d D=%d, threads=%s%n",
                median, 1000 / median, rates, B, T, V, A, D, threads == 0 ? "default" : threads);
    }

    /** Fresh random questions, image vectors and answers every step. */
    private record RandomQuestions(VqaNet net, int steps) implements TrainingTask<Long> {
        @Override
        public String name() {
            return "vqa";
        }

        @Override
        public Block block() {
            return net;
        }

        @Override
        public Shape[] inputShapes() {
            return VqaNet.inputShapes(net.config());
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
            long[] questions = new long[B * T];
            for (int i = 0; i < questions.length; i++) questions[i] = 4 + r.nextInt(V - 4);
            float[] image = new float[B * D];
            for (int i = 0; i < image.length; i++) image[i] = r.nextFloat();
            float[] targets = new float[B * A];
            for (int b = 0; b < B; b++) targets[b * A + r.nextInt(A)] = 1f;
            return net.loss(ps, scope.create(questions, new Shape(B, T)), scope.create(image, new Shape(B, 1, D)),
                    scope.create(targets, new Shape(B, A)), training);
        }

        @Override
        public Map<String, Double> validate(ParameterStore ps) {
            return Map.of();
        }
    }
}
