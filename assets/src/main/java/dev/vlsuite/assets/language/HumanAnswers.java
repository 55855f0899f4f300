package dev.vlsuite.assets.language;

import dev.vlsuite.assets.world.ShapeColour;
import dev.vlsuite.assets.world.ShapeKind;
import dev.vlsuite.assets.world.ShapeSize;
import dev.vlsuite.shared.metrics.vqa.VqaAnswers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Ten human answers to one question, varied as VQA annotators vary, so that the official evaluator's normalisation
 * and leave-one-out matter on synthetic data as on real data. Per question: about a third of the questions are
 * unanimous (ten times the exact answer: no normalisation then, so "Yes" against ten "yes" scores 0); otherwise each
 * annotator writes the exact answer (60%), a form the evaluator normalises to it ("two" / "2", "Yes!", "a circle",
 * 25%), a paraphrase it does not ("yeah", "yes it is", "big", 10%), or a wrong answer (5%). At least six of the ten
 * always mean the exact answer, so it is the majority ({@code multiple_choice_answer}) and predicting it scores 1.
 */
public final class HumanAnswers {
    public static final int ANSWERS = 10;
    /** The fewest annotators whose answer normalises to the right one. */
    static final int MIN_AGREEING = 6;
    private static final double UNANIMOUS = 0.35;

    private static final List<String> NUMBER_WORDS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

    private HumanAnswers() {}

    /** The ten answers to {@code qa}, deterministic in {@code rng}. */
    public static List<String> answers(QaPair qa, SplittableRandom rng) {
        String exact = qa.answer();
        List<String> out = new ArrayList<>(ANSWERS);
        if (rng.nextDouble() < UNANIMOUS) {
            for (int i = 0; i < ANSWERS; i++) out.add(exact);
            return out;
        }
        Variants v = variants(exact);
        boolean[] agrees = new boolean[ANSWERS];
        for (int i = 0; i < ANSWERS; i++) {
            double u = rng.nextDouble();
            if (u < 0.60) { out.add(exact); agrees[i] = true; }
            else if (u < 0.85) { out.add(pick(v.normalised, rng)); agrees[i] = true; }
            else if (u < 0.95) out.add(pick(v.paraphrases, rng));
            else out.add(pick(v.wrong, rng));
        }
        // keep the right answer the clear majority: overwrite the last dissenters with it
        int agreeing = 0;
        for (boolean a : agrees) if (a) agreeing++;
        for (int i = ANSWERS - 1; i >= 0 && agreeing < MIN_AGREEING; i--) {
            if (!agrees[i]) { out.set(i, exact); agrees[i] = true; agreeing++; }
        }
        return out;
    }

    /**
     * The most common answer after the official normalisation, as VQA's multiple_choice_answer; ties go to the
     * answer met first. Returned in its normalised form ("2", "yes").
     */
    public static String majority(List<String> answers) {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        int bestCount = 0;
        for (String a : answers) {
            String n = VqaAnswers.normalize(a);
            int c = counts.merge(n, 1, Integer::sum);
            if (c > bestCount) { best = n; bestCount = c; }
        }
        return best;
    }

    private record Variants(List<String> normalised, List<String> paraphrases, List<String> wrong) {}

    // forms of the exact answer: ones the evaluator maps onto it, ones it does not, and plausible mistakes
    private static Variants variants(String exact) {
        if (exact.equals("yes")) {
            return new Variants(List.of("Yes", "yes.", "Yes!", "YES", "yes "), List.of("yeah", "yes it is", "yep"), List.of("no"));
        }
        if (exact.equals("no")) {
            return new Variants(List.of("No", "no.", "No!", "NO"), List.of("nope", "no it isn't", "not really"), List.of("yes"));
        }
        if (exact.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(exact);
            List<String> normalised = new ArrayList<>(List.of(exact + ".", exact + " "));
            if (n < NUMBER_WORDS.size()) {
                String w = NUMBER_WORDS.get(n);
                normalised.addAll(List.of(w, capitalise(w), w + "!"));
            }
            List<String> wrong = n == 0 ? List.of("1") : List.of(Integer.toString(n - 1), Integer.toString(n + 1));
            return new Variants(normalised, List.of(exact + " shapes", "about " + exact), wrong);
        }
        List<String> normalised = List.of(capitalise(exact), exact + ".", "the " + exact, capitalise(exact) + "!");
        for (ShapeKind k : ShapeKind.values()) {
            if (k.word().equals(exact)) {
                return new Variants(concat(normalised, List.of("a " + exact, "A " + capitalise(exact))),
                        List.of(exact + " shape", exact + (exact.endsWith("s") ? "es" : "s")), others(exact, Arrays.stream(ShapeKind.values()).map(ShapeKind::word).toList()));
            }
        }
        for (ShapeSize s : ShapeSize.values()) {
            if (s.word().equals(exact)) {
                List<String> para = new ArrayList<>(s.synonyms().subList(1, s.synonyms().size()));
                para.add("very " + exact);
                return new Variants(normalised, para, others(exact, Arrays.stream(ShapeSize.values()).map(ShapeSize::word).toList()));
            }
        }
        List<String> colours = Arrays.stream(ShapeColour.values()).map(ShapeColour::word).toList();
        if (colours.contains(exact)) {
            return new Variants(normalised, List.of("dark " + exact, "it is " + exact, exact + "ish"), others(exact, colours));
        }
        return new Variants(normalised, List.of("it is " + exact), List.of("i don't know"));
    }

    private static List<String> others(String exact, List<String> all) {
        return all.stream().filter(w -> !w.equals(exact)).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> c = new ArrayList<>(a);
        c.addAll(b);
        return c;
    }

    private static String capitalise(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String pick(List<String> options, SplittableRandom rng) {
        return options.get(rng.nextInt(options.size()));
    }
}
