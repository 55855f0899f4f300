package dev.vlsuite.vqa.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.engine.EngineOptions;
import dev.vlsuite.shared.engine.VlEngine;
import dev.vlsuite.shared.train.Adam;
import dev.vlsuite.shared.train.AdamConfig;
import dev.vlsuite.shared.train.GradientClipping;
import dev.vlsuite.vqa.model.LateFusionConfig;
import dev.vlsuite.vqa.model.LateFusionNet;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * LF-QIH disc training steps at visdial-challenge-starter-pytorch's shapes, the same step as bench/dialog_step.py:
 * a batch of 32 dialogs x 10 rounds (320 rounds), 20-token questions, 200-token histories, 4096-d fc7 image
 * vectors, 100 options of 20 tokens per round (32,000 option sequences per step), V 11,322, embedding 300, 2-layer
 * LSTMs of 512, dropout 0.5; the batch is micro-batched ({@code micro} dialogs at a time, gradients accumulated
 * over the backward calls) to bound memory, then global-norm clipping 5 and one Adam update (lr 1e-3). The net is
 * vqa's own LateFusionNet; every option of every round is its own answer row (P = rounds x 100, no sharing of
 * repeated answers) so that the work is the reference's. Fresh random inputs every step, made inside the timed
 * step as the reference does. Not driven by TrainingLoop: the loop takes one backward per step, the micro-batching
 * needs several. A main, not a test:
 * <pre>
 *   java -cp ... dev.vlsuite.vqa.bench.DialogTrainingBenchmark [steps [threads [micro-dialogs [dialogs [warm-up]]]]]
 * </pre>
 * (the reference's argument order). Prints the median wall and CPU time per step after the warm-up steps.
 */
public final class DialogTrainingBenchmark {
    static final int V = 11_322, D = 4096, ROUNDS = 10, OPTIONS = 100, TQ = 20, TH = 200, TA = 20;

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int micro = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int dialogs = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int warm = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        VlEngine.configure(new EngineOptions("cpu", threads, 1, false));
        Engine.getInstance().setRandomSeed(0);
        LateFusionConfig config = LateFusionConfig.defaults(V, D, true, "vgg16", "fc7", 224).withMaxHistory(TH);
        var bean = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (NDManager manager = NDManager.newBaseManager()) {
            LateFusionNet net = new LateFusionNet(config);
            net.initialize(manager, DataType.FLOAT32, LateFusionNet.inputShapes(config));
            ParameterList parameters = net.getParameters();
            ParameterStore ps = new ParameterStore(manager, false);
            Random rng = new Random(1);
            List<Double> wall = new ArrayList<>(), cpu = new ArrayList<>();
            try (Adam adam = new Adam(AdamConfig.defaults(), manager)) {
                for (int s = 0; s < warm + steps; s++) {
                    long t0 = System.nanoTime(), c0 = bean.getProcessCpuTime();
                    step(net, ps, parameters, adam, manager, rng, dialogs, micro);
                    if (s >= warm) {
                        wall.add((System.nanoTime() - t0) / 1e6);
                        cpu.add((bean.getProcessCpuTime() - c0) / 1e6);
                    }
                }
            }
            Collections.sort(wall);
            Collections.sort(cpu);
            System.out.printf("vlsuite lf-qih disc train step %d dialogs x %d rounds, %d options x %d tokens, history %d, "
                            + "V=%d E=%d H=%dx%d, micro-batches of %d dialogs: %.0f ms (%.0f ms/step) median of %d, range %.0f-%.0f ms, "
                            + "CPU %.0f ms, threads=%s%n",
                    dialogs, ROUNDS, OPTIONS, TA, TH, V, config.embed(), config.hidden(), config.layers(), micro,
                    median(wall), median(wall), wall.size(), wall.get(0), wall.get(wall.size() - 1), median(cpu),
                    threads == 0 ? "default" : threads);
        }
    }

    private static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    /** One optimizer step over {@code dialogs} dialogs, in micro-batches of {@code micro} dialogs. */
    private static void step(LateFusionNet net, ParameterStore ps, ParameterList parameters, Adam adam, NDManager manager,
                             Random rng, int dialogs, int micro) {
        int rounds = dialogs * ROUNDS;
        try (NDManager scope = manager.newSubManager()) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                for (int from = 0; from < rounds; from += micro * ROUNDS) {
                    int r = Math.min(micro * ROUNDS, rounds - from);
                    try (NDManager part = scope.newSubManager()) {
                        // the reference's loss: summed cross-entropy / all rounds of the step
                        NDArray loss = microLoss(net, ps, part, rng, r).mul((float) r / rounds);
                        collector.backward(loss);   // gradients add up across the micro-batches
                    }
                }
            }
            GradientClipping.clipGlobalNorm(parameters, 5.0, scope);
            adam.update(parameters, 1e-3, scope);
        }
    }

    /** Mean cross-entropy of {@code r} random rounds: image (R, D), question (R, Tq), history (R, Th), options (R*K, Ta). */
    private static NDArray microLoss(LateFusionNet net, ParameterStore ps, NDManager m, Random rng, int r) {
        float[] image = new float[r * D];
        for (int i = 0; i < image.length; i++) image[i] = rng.nextFloat();
        NDArray question = m.create(tokens(rng, r * TQ), new Shape(r, TQ));
        NDArray history = m.create(tokens(rng, r * TH), new Shape(r, TH));
        NDArray answers = m.create(tokens(rng, r * OPTIONS * TA), new Shape((long) r * OPTIONS, TA));
        long[] options = new long[r * OPTIONS];    // round i's options are answer rows i*K .. i*K+K-1
        for (int i = 0; i < options.length; i++) options[i] = i;
        long[] gt = new long[r];
        for (int i = 0; i < r; i++) gt[i] = rng.nextInt(OPTIONS);
        NDArray enc = net.encode(ps, m.create(image, new Shape(r, D)), question, history, true);                // (R, H)
        NDArray encoded = net.encodeAnswers(ps, answers, true);                                                  // (R*K, H)
        NDArray scores = LateFusionNet.scores(enc, encoded, m.create(options, new Shape(r, OPTIONS)));          // (R, K)
        return LateFusionNet.loss(scores, m.create(gt));
    }

    private static long[] tokens(Random rng, int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) ids[i] = 4 + rng.nextInt(V - 4);
        return ids;
    }
}
