package dev.vlsuite.navigation.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.navigation.env.Action;
import dev.vlsuite.navigation.model.Seq2SeqConfig;
import dev.vlsuite.navigation.model.Seq2SeqNet;
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
 * Teacher-forced seq2seq training steps per second through the real shared TrainingLoop (Adam, per-step scope) at the
 * R2R baseline's shapes: B 100 instructions of L 80 tokens (V 1,000), 20 actions, 2048-d view features, E 256, H 512,
 * A 32, dropout 0.5, the same work as bench/nav_seq2seq_step.py: encoder LSTM over the words, 20 decoder steps fed
 * [previous teacher action; random view feature], attention, cross-entropy of the teacher's action. Random inputs
 * (no environment: the net's cost alone). A main, not a test:
 * <pre>
 *   java -cp ... dev.vlsuite.navigation.bench.NavTrainingBenchmark [steps [threads]]
 * </pre>
 * Prints the median steps/s over windows of 2 steps after the first window (warm-up).
 */
public final class NavTrainingBenchmark {
    static final int B = 100, L = 80, T = 20, D = 2048, V = 1000, WINDOW = 2;

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        VlEngine.configure(new EngineOptions("cpu", threads, 1, false));
        Path dir = Files.createTempDirectory("nav-bench");
        Seq2SeqConfig config = Seq2SeqConfig.paper(V, D);
        TrainConfig train = TrainConfig.defaults().withEpochs(1).withMaxSteps(steps).withLogEvery(WINDOW).withLr(1e-4, null)
                .withValidation(steps, null, TrainConfig.Goal.MAX, 0).withCheckpointEvery(0).withSeed(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            new TrainingLoop(train, dir).fit(new RandomRoutes(new Seq2SeqNet(config), steps), manager, false);
        }
        List<Double> rates = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("metrics.jsonl"))) {
            JsonNode n = Json.MAPPER.readTree(line);
            if (n.path("type").asText().equals("train") && n.get("step").asLong() > WINDOW) rates.add(n.get("stepsPerSecond").asDouble());
        }
        Collections.sort(rates);
        double median = rates.get(rates.size() / 2);
        System.out.printf("seq2seq teacher-forced train step: %.3f steps/s (%.0f ms/step) median of %s, B=%d L=%d T=%d D=%d E=%d H=%d A=%d V=%d, threads=%s%n",
                median, 1000 / median, rates, B, L, T, D, config.wordEmbedSize(), config.hiddenSize(), config.actionEmbedSize(), V,
                threads == 0 ? "default" : threads);
    }

    /** Fresh random instructions, view features and teacher actions every step; every action allowed. */
    private record RandomRoutes(Seq2SeqNet net, int steps) implements TrainingTask<Long> {
        @Override
        public String name() {
            return "navigation";
        }

        @Override
        public Block block() {
            return net;
        }

        @Override
        public Shape[] inputShapes() {
            return Seq2SeqNet.inputShapes();
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
            long[] tokens = new long[B * L];
            for (int i = 0; i < tokens.length; i++) tokens[i] = 4 + r.nextInt(V - 4);
            Seq2SeqNet.Encoded enc = net.encode(ps, scope.create(tokens, new Shape(B, L)), training);
            NDList state = new NDList(enc.h0(), enc.c0());
            NDArray mask = scope.ones(new Shape(B, Action.COUNT));
            long[] prev = new long[B];
            java.util.Arrays.fill(prev, Seq2SeqNet.START_ACTION);
            NDArray loss = null;
            for (int t = 0; t < T; t++) {
                float[] feat = new float[B * D];
                for (int i = 0; i < feat.length; i++) feat[i] = r.nextFloat();
                long[] teacher = new long[B];
                for (int i = 0; i < B; i++) teacher[i] = r.nextInt(Action.COUNT);
                Seq2SeqNet.Decision dec = net.step(ps, enc, scope.create(prev), scope.create(feat, new Shape(B, D)), mask, state, training);
                NDArray nll = dec.logits().logSoftmax(1).gather(scope.create(teacher).expandDims(1), 1).neg().sum();
                loss = loss == null ? nll : loss.add(nll);
                state = dec.state();
                prev = teacher;
            }
            return loss.div(B * T);
        }

        @Override
        public Map<String, Double> validate(ParameterStore ps) {
            return Map.of();
        }
    }
}
