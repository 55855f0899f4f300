package dev.vlsuite.vqa.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.engine.EngineOptions;
import dev.vlsuite.shared.engine.VlEngine;
import dev.vlsuite.shared.nn.decode.DecodeOptions;
import dev.vlsuite.shared.nn.decode.Decoding;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.vqa.api.VisualDialog;
import dev.vlsuite.vqa.model.AnswerStepModel;
import dev.vlsuite.vqa.model.LateFusionConfig;
import dev.vlsuite.vqa.model.LateFusionNet;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Random;

/**
 * Dialog rounds answered per second from cached image features (image vectors already in memory: no image decoding,
 * no backbone), the two ways a LF-QIH model answers: disc ranking of a round's 100 options (each option its own
 * answer row of maxAnswer tokens, as VisDial's padded options) and gen beam search of width 5 (as {@code chat}), in
 * batches of rounds. Questions of maxQuestion tokens and histories of maxHistory tokens (the model's limits: the
 * longest inputs it reads), random word ids, random image vectors. Models: {@code bundled} (the built-in
 * dialog-lf.vlm, both heads), {@code starter} (the starter's sizes: V 11,322, fc7 4096, embedding 300, LSTM 512 x 2,
 * 200 history tokens, both heads, random weights: its beams mostly run to the length limit) or a bundle path.
 * A main, not a test:
 * <pre>
 *   java -cp ... dev.vlsuite.vqa.bench.DialogAnswerBenchmark [bundled|starter|MODEL.vlm [disc-rounds [gen-rounds [batch [threads]]]]]
 * </pre>
 * One warm-up batch of each before the clock starts; wall and process CPU time over the timed rounds.
 */
public final class DialogAnswerBenchmark {
    static final int OPTIONS = 100, BEAM = 5;

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "bundled";
        int discRounds = args.length > 1 ? Integer.parseInt(args[1]) : 320;
        int genRounds = args.length > 2 ? Integer.parseInt(args[2]) : 320;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        VlEngine.configure(new EngineOptions("cpu", threads, 1, false));
        Engine.getInstance().setRandomSeed(0);
        if (which.equals("starter")) {
            LateFusionConfig config = LateFusionConfig.defaults(11_322, 4096, true, "vgg16", "fc7", 224)
                    .withMaxHistory(200).withDecoder(LateFusionConfig.BOTH);
            try (NDManager manager = NDManager.newBaseManager()) {
                LateFusionNet net = new LateFusionNet(config);
                net.initialize(manager, DataType.FLOAT32, LateFusionNet.inputShapes(config));
                run("starter (random weights)", net, new ParameterStore(manager, false), manager, discRounds, genRounds, batch, threads);
            }
        } else {
            try (VisualDialog dialog = VisualDialog.load(which.equals("bundled") ? null : Path.of(which))) {
                run(which.equals("bundled") ? "bundled dialog-lf" : which, dialog.net(), dialog.parameters(), dialog.manager(),
                        discRounds, genRounds, batch, threads);
            }
        }
    }

    private static void run(String name, LateFusionNet net, ParameterStore ps, NDManager manager, int discRounds, int genRounds,
                            int batch, int threads) {
        LateFusionConfig c = net.config();
        System.out.printf("%s: V=%d E=%d H=%dx%d D=%d, question %d, history %d, answers %d tokens, batches of %d rounds, threads=%s%n",
                name, c.vocab(), c.embed(), c.hidden(), c.layers(), c.featureSize(), c.maxQuestion(), c.maxHistory(),
                c.maxAnswer(), batch, threads == 0 ? "default" : threads);
        Random rng = new Random(7);
        if (c.hasDisc() && discRounds > 0) {
            disc(net, ps, manager, rng, batch);   // warm-up
            time("disc ranking of 100 options", discRounds, batch, () -> disc(net, ps, manager, rng, batch));
        }
        if (c.hasGen() && genRounds > 0) {
            gen(net, ps, manager, rng, batch);
            time("gen beam " + BEAM, genRounds, batch, () -> gen(net, ps, manager, rng, batch));
        }
    }

    private static void time(String what, int rounds, int batch, Runnable oneBatch) {
        var bean = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int batches = Math.max(1, rounds / batch);
        long t0 = System.nanoTime(), c0 = bean.getProcessCpuTime();
        for (int i = 0; i < batches; i++) oneBatch.run();
        double wall = (System.nanoTime() - t0) / 1e9, cpu = (bean.getProcessCpuTime() - c0) / 1e9;
        int done = batches * batch;
        System.out.printf("  %s: %d rounds in %.2f s wall (%.1f rounds/s), %.2f s CPU (%.1f rounds per CPU-second)%n",
                what, done, wall, done / wall, cpu, done / cpu);
    }

    /** Scores of every option of a batch of rounds: (B, K), copied to Java as a scorer does. */
    private static void disc(LateFusionNet net, ParameterStore ps, NDManager manager, Random rng, int b) {
        LateFusionConfig c = net.config();
        try (NDManager m = manager.newSubManager()) {
            NDArray enc = encode(net, ps, m, rng, b);                                                              // (B, H)
            NDArray answers = m.create(tokens(rng, c.vocab(), b * OPTIONS * c.maxAnswer()), new Shape((long) b * OPTIONS, c.maxAnswer()));
            long[] options = new long[b * OPTIONS];
            for (int i = 0; i < options.length; i++) options[i] = i;
            NDArray scores = LateFusionNet.scores(enc, net.encodeAnswers(ps, answers, false), m.create(options, new Shape(b, OPTIONS))); // (B, K)
            scores.toFloatArray();
        }
    }

    /** Beam search of width 5 for every round of a batch, at most maxAnswer words and the end token. */
    private static void gen(LateFusionNet net, ParameterStore ps, NDManager manager, Random rng, int b) {
        try (NDManager m = manager.newSubManager()) {
            NDArray enc = encode(net, ps, m, rng, b);                                                              // (B, H)
            var options = new DecodeOptions(Vocabulary.START_ID, Vocabulary.END_ID, net.config().maxAnswer() + 1);
            Decoding.beam(new AnswerStepModel(net, ps), new NDList(enc), options, BEAM, 0f);
        }
    }

    private static NDArray encode(LateFusionNet net, ParameterStore ps, NDManager m, Random rng, int b) {
        LateFusionConfig c = net.config();
        float[] image = new float[b * c.featureSize()];
        for (int i = 0; i < image.length; i++) image[i] = rng.nextFloat();
        NDArray q = m.create(tokens(rng, c.vocab(), b * c.maxQuestion()), new Shape(b, c.maxQuestion()));          // (B, Tq)
        NDArray h = m.create(tokens(rng, c.vocab(), b * c.maxHistory()), new Shape(b, c.maxHistory()));           // (B, Th)
        return net.encode(ps, m.create(image, new Shape(b, c.featureSize())), q, h, false);                        // (B, H)
    }

    private static long[] tokens(Random rng, int vocab, int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) ids[i] = 4 + rng.nextInt(vocab - 4);
        return ids;
    }
}
