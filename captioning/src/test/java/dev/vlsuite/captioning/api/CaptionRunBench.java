package dev.vlsuite.captioning.api;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SceneRenderer;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.captioning.model.Arch;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.captioning.model.CaptionNet;
import dev.vlsuite.shared.engine.EngineOptions;
import dev.vlsuite.shared.engine.VlEngine;
import dev.vlsuite.shared.io.BundleContents;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.shared.text.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of what {@code caption run} does (decode, preprocess, backbone, batched search) on 200 synthetic
 * images, for a soft-attention model of the sizes (E = H = A = 512, V = 10,000, random weights) on
 * VGG-16 at 224 and vgg-small at 128, greedy and beam 3, batch 32; plus decoding alone on (32, 196, 512)
 * features, the shape of the PyTorch reference (bench/pytorch_reference.py decode). Not a test:
 * <pre>
 * mvn -o -q -pl captioning -am test-compile
 * java -cp "captioning/target/test-classes:captioning/target/classes:$(cat captioning/target/classpath.txt)" \
 *     -Dai.djl.offline=true dev.vlsuite.captioning.api.CaptionRunBench [images [threads [decode]]]
 * </pre>
 */
public final class CaptionRunBench {
    private static final int BATCH = 32;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        boolean decodeOnly = args.length > 2 && args[2].equals("decode");
        VlEngine.configure(new EngineOptions("cpu", threads, 1, false));
        Path dir = Files.createTempDirectory("caption-bench");
        List<Path> images = new ArrayList<>();
        for (Scene s : SyntheticWorld.generate(3, count, 256)) {
            Path p = dir.resolve(String.format("%04d.png", s.id()));
            SceneRenderer.writePng(s, 256, p);
            images.add(p);
        }
        System.out.printf(Locale.ROOT, "%d images of 256x256 PNG, batch %d, %d cores, threads %s%n", count, BATCH,
                Runtime.getRuntime().availableProcessors(), threads == 0 ? "default" : threads);
        decodeOnly(dir);
        if (decodeOnly) return;
        for (String[] b : new String[][] {{"vgg-small", "128", "128", "64"}, {"vgg16", "224", "512", "196"}}) {
            Path model = writeModel(dir.resolve(b[0] + ".vlm"), b[0], Integer.parseInt(b[1]), Integer.parseInt(b[2]), Integer.parseInt(b[3]));
            for (int beam : new int[] {1, 3}) {
                try (ImageCaptioner c = ImageCaptioner.load(model, Device.cpu())) {
                    c.captionAll(images.subList(0, Math.min(BATCH, images.size())), new CaptionOptions(beam, 20, BATCH));   // warm-up
                    long t0 = System.nanoTime();
                    List<CaptionOutcome> out = c.captionAll(images, new CaptionOptions(beam, 20, BATCH));
                    double s = (System.nanoTime() - t0) / 1e9;
                    double words = out.stream().mapToInt(o -> o.caption().tokens().size()).average().orElse(0);
                    System.out.printf(Locale.ROOT, "caption run %-9s %dpx beam %d: %.2f captions/s (%.1f s, mean %.1f words)%n",
                            b[0], Integer.parseInt(b[1]), beam, count / s, s, words);
                }
            }
        }
    }

    /** Greedy decoding of (32, 196, 512) features for 20 steps, as the PyTorch reference times it. */
    private static void decodeOnly(Path dir) throws Exception {
        Path model = writeModel(dir.resolve("decode.vlm"), "vgg16", 224, 512, 196);
        try (CaptionModel m = CaptionModel.load(model, Device.cpu()); NDManager scope = m.manager().newSubManager();
             ImageCaptioner c = ImageCaptioner.of(m, new FixedGrid(14, 512), dev.vlsuite.shared.image.DecodeOptions.defaults())) {
            NDArray grid = scope.randomNormal(new Shape(BATCH, 196, 512));
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                long t0 = System.nanoTime();
                c.captionFeatures(grid, new CaptionOptions(1, 20, BATCH));
                times.add((System.nanoTime() - t0) / 1e9);
            }
            double median = times.subList(2, 7).stream().sorted().toList().get(2);
            System.out.printf(Locale.ROOT, "greedy decode batch %d, up to 20 steps, L=196 D=512 V=10000: %.0f ms (%.0f images/s)%n",
                    BATCH, median * 1000, BATCH / median);
        }
    }

    /** A soft-attention bundle with random weights (V = 10,000 as in the benchmark shapes). */
    static Path writeModel(Path file, String backbone, int size, int channels, int locations) throws Exception {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 10_000 - 4; i++) words.add("w" + i);
        Vocabulary vocab = Vocabulary.of(words);
        CaptionConfig config = CaptionConfig.defaults(Arch.SOFT, vocab.size(), channels, locations, backbone, size);
        try (NDManager m = NDManager.newBaseManager()) {
            CaptionNet net = dev.vlsuite.captioning.model.CaptionNets.createInitialized(config, m);
            JsonNode vocabJson = Json.MAPPER.readTree(vocab.toJson());
            ModelBundle.write(file, BundleContents.of(CaptionModel.TASK, config, vocabJson, Json.MAPPER.createObjectNode(), net));
        }
        return file;
    }

    /** Stands in for a backbone when only the decoder is timed. */
    private record FixedGrid(int side, int channels) implements dev.vlsuite.shared.vision.FeatureExtractor {
        public String id() { return "fixed"; }
        public int inputSize() { return 224; }
        public int gridSide() { return side; }
        public dev.vlsuite.shared.vision.Features extract(NDArray batch) { throw new UnsupportedOperationException("decode-only"); }
        public void close() { }
    }
}
