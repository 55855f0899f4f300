package dev.vlsuite.assets.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.shared.metrics.vqa.VqaAccuracy;
import dev.vlsuite.shared.metrics.vqa.VqaAnswers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The synthetic humans vary as people do, so the official accuracy's normalisation and leave-one-out matter. */
class HumanAnswersTest {
    private static final List<Scene> SCENES = SyntheticWorld.generate(5, 150, 64);

    private record Asked(QaPair qa, List<String> humans) {}

    private static List<Asked> all() {
        List<Asked> out = new java.util.ArrayList<>();
        for (Scene s : SCENES) {
            List<QaPair> qs = QuestionGenerator.questions(s);
            for (int k = 0; k < qs.size(); k++) {
                out.add(new Asked(qs.get(k), HumanAnswers.answers(qs.get(k), new SplittableRandom(s.seed() * 31 + k))));
            }
        }
        return out;
    }

    @Test
    void theRightAnswerIsAlwaysTheMajorityAndScoresOne() {
        for (Asked a : all()) {
            assertEquals(10, a.humans().size());
            assertEquals(a.qa().answer(), HumanAnswers.majority(a.humans()), a.humans().toString());
            assertEquals(1.0, VqaAccuracy.accuracy(a.qa().answer(), a.humans()), 0, a.humans().toString());
        }
    }

    @Test
    void normalisationLeaveOneOutAndTheAllAgreeRuleAllMatter() {
        List<Asked> all = all();
        int unanimous = 0, varied = 0, spelledNumbers = 0, paraphrasedYes = 0, wrong = 0, partial = 0, capitalZero = 0;
        for (Asked a : all) {
            String exact = a.qa().answer();
            Set<String> distinct = new HashSet<>(a.humans());
            if (distinct.size() == 1) {
                unanimous++;
                // all agree: no normalisation, so a capitalised prediction scores 0
                if (VqaAccuracy.accuracy(exact.toUpperCase(java.util.Locale.ROOT), a.humans()) == 0 && !exact.matches("\\d+")) capitalZero++;
                continue;
            }
            varied++;
            for (String h : a.humans()) {
                if (exact.matches("\\d+") && h.matches("[A-Za-z]+!?") && VqaAnswers.normalize(h).equals(exact)) spelledNumbers++;
                if (exact.equals("yes") && (h.equals("yeah") || h.equals("yes it is") || h.equals("yep"))) paraphrasedYes++;
                if (!VqaAnswers.normalize(h).equals(exact) && a.qa().answerType().equals(QaPair.YES_NO)
                        && (h.equals("yes") || h.equals("no"))) wrong++;
            }
            // a minority answer gets partial credit (0.3, 0.6 or 0.9): leave-one-out at work
            for (String h : distinct) {
                double acc = VqaAccuracy.accuracy(h, a.humans());
                if (acc > 0 && acc < 1) { partial++; break; }
            }
        }
        int n = all.size();
        assertTrue(unanimous > n / 5 && unanimous < n / 2, "unanimous " + unanimous + " of " + n);
        assertTrue(varied > n / 2, "varied " + varied + " of " + n);
        assertTrue(capitalZero > unanimous / 2, "capitalised predictions on unanimous questions scoring 0: " + capitalZero);
        assertTrue(spelledNumbers > 20, "spelled numbers " + spelledNumbers);
        assertTrue(paraphrasedYes > 20, "yeah / yes it is / yep " + paraphrasedYes);
        assertTrue(wrong > 5, "wrong yes/no answers " + wrong);
        assertTrue(partial > n / 5, "questions with a partially credited minority answer " + partial);
    }

    @Test
    void deterministicInTheSeed() {
        QaPair qa = new QaPair("how many shapes are there?", "2", "how many", QaPair.NUMBER);
        assertEquals(HumanAnswers.answers(qa, new SplittableRandom(9)), HumanAnswers.answers(qa, new SplittableRandom(9)));
        Set<List<String>> seen = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) seen.add(HumanAnswers.answers(qa, new SplittableRandom(seed)));
        assertTrue(seen.size() > 10, "answers hardly depend on the seed: " + seen.size());
    }
}
