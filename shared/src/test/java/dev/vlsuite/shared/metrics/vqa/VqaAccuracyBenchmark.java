package dev.vlsuite.shared.metrics.vqa;

import dev.vlsuite.shared.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Seconds to score N questions with the official VQA accuracy, reading the three official files included, the
 * first run after JVM start and the median of the warm runs; the Python side is bench/vqa-score.sh. Not a test:
 * {@code java -cp shared/target/test-classes:shared/target/classes:$(cat shared/target/classpath.txt)
 * dev.vlsuite.shared.metrics.vqa.VqaAccuracyBenchmark write N DIR} writes DIR/questions.json, annotations.json and
 * results.json (messy answers, seed 7); {@code ... score DIR RUNS OUT.json} times and writes the report as JSON.
 */
public final class VqaAccuracyBenchmark {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("write")) {
            Path dir = Path.of(args[2]);
            Files.createDirectories(dir);
            MessyVqaFiles.write(dir, Integer.parseInt(args[1]), 7);
            return;
        }
        Path dir = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        double[] read = new double[runs];
        double[] eval = new double[runs];
        double[] cpu = new double[runs];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        VqaReport report = null;
        for (int r = 0; r < runs; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            VqaQuestions q = VqaFiles.readQuestions(dir.resolve("questions.json"));
            List<VqaAnnotation> a = VqaFiles.readAnnotations(dir.resolve("annotations.json"));
            VqaResults res = VqaFiles.readResults(dir.resolve("results.json"));
            long t1 = System.nanoTime();
            report = VqaAccuracy.evaluate(q, a, res);
            long t2 = System.nanoTime();
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            read[r] = (t1 - t0) / 1e9;
            eval[r] = (t2 - t1) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: read %.3f s, evaluate %.3f s (wall); %.3f s CPU of the thread; %d questions, overall %.2f%n",
                    r + 1, read[r], eval[r], cpu[r], report.perQuestion().size(), report.overall());
        }
        System.out.printf(Locale.ROOT, "java first run: read %.3f s + evaluate %.3f s (CPU %.3f s); warm median: read %.3f s + evaluate %.3f s (CPU %.3f s)%n",
                read[0], eval[0], cpu[0], median(read), median(eval), median(cpu));
        AtomicFiles.writeString(Path.of(args[3]), report.toJson());
    }

    private static double median(double[] v) {
        double[] w = Arrays.copyOfRange(v, v.length > 1 ? 1 : 0, v.length);
        Arrays.sort(w);
        return w[w.length / 2];
    }
}
