package dev.vlsuite.shared.metrics.meteor;

import dev.vlsuite.shared.metrics.MetricScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Throwaway timing: METEOR (exact+stem+synonym) on 5,000 images x 5 references of simple synthetic
 * captions, seeded. Run: {@code java -cp <test-classpath> dev.vlsuite.shared.metrics.meteor.MeteorBenchmark [threads]}.
 */
public final class MeteorBenchmark {

    private static final String[] SUBJECTS = {"a man", "a woman", "two dogs", "a small child", "a group of people",
        "a black cat", "the players", "a young boy", "an old car", "three birds"};
    private static final String[] VERBS = {"is riding", "are playing with", "sits on", "is standing near",
        "walks along", "runs across", "is holding", "looks at", "jumps over", "rests beside"};
    private static final String[] OBJECTS = {"a horse", "a red ball", "the wooden bench", "a busy street",
        "the sandy beach", "a large tree", "a white fence", "the green grass", "a kite", "the river"};
    private static final String[] TAILS = {"", " in the park", " on a sunny day", " near the water",
        " at night", " together", " in the snow", " outside"};

    private MeteorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Random random = new Random(2024);
        Map<String, List<String>> refs = new LinkedHashMap<>();
        Map<String, String> cands = new LinkedHashMap<>();
        for (int i = 0; i < 5000; i++) {
            List<String> r = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                r.add(caption(random));
            }
            refs.put("img" + i, r);
            cands.put("img" + i, caption(random));
        }
        long t0 = System.nanoTime();
        Meteor meteor = Meteor.create(MeteorOptions.defaults().withThreads(threads));
        long t1 = System.nanoTime();
        MetricScore score = meteor.score(refs, cands);
        long t2 = System.nanoTime();
        System.out.printf("load %.2f s, score 5000x5 %.2f s (threads=%d, cores=%d), %s = %.6f%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, threads, Runtime.getRuntime().availableProcessors(),
                score.name(), score.corpus());
    }

    private static String caption(Random random) {
        return SUBJECTS[random.nextInt(SUBJECTS.length)] + " " + VERBS[random.nextInt(VERBS.length)] + " "
                + OBJECTS[random.nextInt(OBJECTS.length)] + TAILS[random.nextInt(TAILS.length)];
    }
}
