package dev.vlsuite.shared.metrics.bench;

import dev.vlsuite.shared.metrics.Bleu;
import dev.vlsuite.shared.metrics.CaptionEvaluator;
import dev.vlsuite.shared.metrics.CiderD;
import dev.vlsuite.shared.metrics.RougeL;
import dev.vlsuite.shared.metrics.meteor.Meteor;
import dev.vlsuite.shared.metrics.meteor.MeteorOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Seconds per step of the caption evaluation (tokenize, BLEU, ROUGE-L, CIDEr-D, METEOR) on 5,000 images x
 * 5 references of synthetic captions from a small seeded grammar: the first run after JVM start and
 * the median of the warm runs. Not a test; run it with
 * {@code mvn -o -q -B -pl shared -am -DskipTests package && java -cp shared/target/test-classes:shared/target/classes:$(cat shared/target/classpath.txt) dev.vlsuite.shared.metrics.bench.MetricsBenchmark [images] [runs] [dump.json [evaluator]]}; the optional dump is the tokenized corpus for the Python reference timing; {@code [images] 0 DIR inputs} writes DIR/refs.json and DIR/results.json, the raw corpus for {@code bin/score} and the toolkit (BENCHMARKS.md).
 */
public final class MetricsBenchmark {
    private static final String[] STEPS = {"tokenize", "BLEU", "ROUGE-L", "CIDEr-D", "METEOR", "total"};

    public static void main(String[] args) throws java.io.IOException {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Random rnd = new Random(42);
        Map<String, List<String>> refs = new LinkedHashMap<>();
        Map<String, String> cands = new LinkedHashMap<>();
        for (int i = 0; i < images; i++) {
            List<String> r = new ArrayList<>();
            for (int k = 0; k < 5; k++) r.add(caption(rnd));
            refs.put(Integer.toString(100000 + i), r);
            cands.put(Integer.toString(100000 + i), caption(rnd));
        }
        if (args.length > 3 && args[3].equals("inputs")) { // the raw corpus as `bin/score` and the toolkit read it
            var ids = dev.vlsuite.shared.io.Json.MAPPER.createArrayNode();
            cands.forEach((id, c) -> ids.addObject().put("image_id", Integer.parseInt(id)).put("caption", c));
            java.nio.file.Path dir = java.nio.file.Path.of(args[2]);
            java.nio.file.Files.createDirectories(dir);
            dev.vlsuite.shared.io.AtomicFiles.writeString(dir.resolve("refs.json"), dev.vlsuite.shared.io.Json.MAPPER.writeValueAsString(refs));
            dev.vlsuite.shared.io.AtomicFiles.writeString(dir.resolve("results.json"), ids.toString());
            return;
        }
        if (args.length > 2) { // hand the same tokenized corpus to the Python reference (bench/metrics_reference.py)
            CaptionEvaluator.Tokenized tok = CaptionEvaluator.builder().build().tokenize(refs, cands);
            var root = dev.vlsuite.shared.io.Json.MAPPER.createObjectNode();
            root.set("refs", dev.vlsuite.shared.io.Json.MAPPER.valueToTree(tok.refs()));
            root.set("cands", dev.vlsuite.shared.io.Json.MAPPER.valueToTree(tok.candidates()));
            dev.vlsuite.shared.io.AtomicFiles.writeString(java.nio.file.Path.of(args[2]), root.toString());
        }
        if (args.length > 3 && args[3].equals("evaluator")) { // what `bin/score` runs: tokenize + all four, metrics side by side
            long l0 = System.nanoTime();
            CaptionEvaluator evaluator = CaptionEvaluator.builder().withMeteor(null).build();
            System.out.printf(Locale.ROOT, "CaptionEvaluator with METEOR built in %.3f s%n", (System.nanoTime() - l0) / 1e9);
            for (int run = 0; run < runs; run++) {
                long t0 = System.nanoTime();
                double bleu4 = evaluator.evaluate(refs, cands).corpus().get("Bleu_4");
                System.out.printf(Locale.ROOT, "evaluate run %d: %.3f s (Bleu_4 %.6f)%n", run + 1, (System.nanoTime() - t0) / 1e9, bleu4);
            }
            return;
        }
        long load0 = System.nanoTime();
        Meteor meteor = Meteor.create(MeteorOptions.defaults()); // WordNet 3.0 + stemmer, once per process
        double meteorLoad = (System.nanoTime() - load0) / 1e9;
        double[][] seconds = new double[runs][];
        double checksum = 0;
        for (int run = 0; run < runs; run++) {
            double[] t = new double[STEPS.length];
            long t0 = System.nanoTime();
            CaptionEvaluator.Tokenized tok = CaptionEvaluator.builder().build().tokenize(refs, cands);
            long t1 = System.nanoTime();
            checksum += new Bleu().scoreAll(tok.refs(), tok.candidates()).get(3).corpus();
            long t2 = System.nanoTime();
            checksum += new RougeL().score(tok.refs(), tok.candidates()).corpus();
            long t3 = System.nanoTime();
            checksum += new CiderD().score(tok.refs(), tok.candidates()).corpus();
            long t4 = System.nanoTime();
            checksum += meteor.score(tok.refs(), tok.candidates()).corpus();
            long t5 = System.nanoTime();
            long[] marks = {t0, t1, t2, t3, t4, t5};
            for (int s = 0; s < 5; s++) t[s] = (marks[s + 1] - marks[s]) / 1e9;
            t[5] = (t5 - t0) / 1e9;
            seconds[run] = t;
        }
        System.out.printf(Locale.ROOT, "%d images x 5 references, %d runs, %d cores, checksum %.6f%n",
                images, runs, Runtime.getRuntime().availableProcessors(), checksum / runs);
        System.out.printf(Locale.ROOT, "METEOR resources (WordNet 3.0, stemmer) loaded once in %.3f s%n", meteorLoad);
        System.out.printf(Locale.ROOT, "%-9s %10s %12s%n", "step", "first (s)", "median (s)");
        for (int s = 0; s < STEPS.length; s++) {
            double[] warm = new double[Math.max(1, runs - 1)];
            for (int r = 0; r < warm.length; r++) warm[r] = seconds[runs > 1 ? r + 1 : 0][s];
            Arrays.sort(warm);
            System.out.printf(Locale.ROOT, "%-9s %10.3f %12.3f%n", STEPS[s], seconds[0][s], warm[warm.length / 2]);
        }
    }

    // a small scene grammar: "<det> <adj>? <noun> <verb> <prep> <det> <adj>? <noun> [<prep> <det> <noun>]."
    private static final String[] DET = {"A", "The", "Two", "A small", "An old", "Some"};
    private static final String[] ADJ = {"red", "large", "young", "white", "black", "wooden", "striped", "happy"};
    private static final String[] NOUN = {"man", "woman", "dog", "cat", "horse", "bus", "train", "pizza", "table",
            "street", "kite", "surfboard", "wave", "bench", "bird", "giraffe", "elephant", "child", "plate", "field"};
    private static final String[] VERB = {"riding", "sitting on", "standing near", "holding", "eating", "walking along",
            "flying over", "looking at", "playing with", "parked by"};
    private static final String[] PREP = {"in", "on", "next to", "under", "near", "behind"};

    static String caption(Random r) {
        StringBuilder b = new StringBuilder();
        b.append(pick(r, DET)).append(' ');
        if (r.nextBoolean()) b.append(pick(r, ADJ)).append(' ');
        b.append(pick(r, NOUN)).append(' ').append(pick(r, VERB)).append(' ').append(pick(r, DET).toLowerCase(Locale.ROOT)).append(' ');
        if (r.nextInt(3) == 0) b.append(pick(r, ADJ)).append(' ');
        b.append(pick(r, NOUN));
        if (r.nextBoolean()) b.append(' ').append(pick(r, PREP)).append(" the ").append(pick(r, NOUN));
        if (r.nextInt(4) == 0) b.append(", ").append(pick(r, VERB)).append(" a ").append(pick(r, NOUN));
        return b.append(r.nextInt(5) == 0 ? "" : ".").toString();
    }

    private static String pick(Random r, String[] words) {
        return words[r.nextInt(words.length)];
    }
}
