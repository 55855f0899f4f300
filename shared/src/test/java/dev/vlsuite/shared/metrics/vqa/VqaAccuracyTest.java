package dev.vlsuite.shared.metrics.vqa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The leave-one-out formula, the all-agree rule and the rounding, worked by hand. */
class VqaAccuracyTest {
    private static List<String> humans(String answer, int times, String other) {
        List<String> h = new ArrayList<>(Collections.nCopies(times, answer));
        h.addAll(Collections.nCopies(10 - times, other));
        return h;
    }

    @Test
    void leaveOneOutGivesTheFiveOfficialValues() {
        // m humans agree with the prediction: each of the m sees m-1 others, each of the 10-m sees m
        // m=1: (1*0 + 9*1/3)/10 = .3; m=2: (2*1/3 + 8*2/3)/10 = .6; m=3: (3*2/3 + 7*1)/10 = .9; m=4: 1
        assertEquals(0.0, VqaAccuracy.accuracy("cat", humans("dog", 10, "dog")), 0);
        assertEquals(0.3, VqaAccuracy.accuracy("cat", humans("cat", 1, "dog")), 1e-12);
        assertEquals(0.6, VqaAccuracy.accuracy("cat", humans("cat", 2, "dog")), 1e-12);
        assertEquals(0.9, VqaAccuracy.accuracy("cat", humans("cat", 3, "dog")), 1e-12);
        assertEquals(1.0, VqaAccuracy.accuracy("cat", humans("cat", 4, "dog")), 1e-12);
        assertEquals(1.0, VqaAccuracy.accuracy("cat", humans("cat", 9, "dog")), 1e-12);
    }

    @Test
    void sameBitsAsThePythonSumInAnswerOrder() {
        // m=1 sums nine 1/3 then one 0 in file order (0 first here): the bits depend on that order
        List<String> h = humans("cat", 1, "dog");
        double expected = 0;
        expected += 0.0;
        for (int i = 0; i < 9; i++) expected += 1.0 / 3.0;
        assertEquals(expected / 10, VqaAccuracy.accuracy("cat", h), 0);
    }

    @Test
    void normalisationAppliesWhenHumansDisagree() {
        // humans: 2, two, Two., 2 (x2) -> all "2"; the prediction "two" too
        List<String> h = List.of("2", "two", "Two.", "2", "2", "3", "three", "3", "3", "3");
        assertEquals(1.0, VqaAccuracy.accuracy("two", h), 1e-12);
        assertEquals(1.0, VqaAccuracy.accuracy("THREE!", h), 1e-12);
        // "yes it is" is a different answer from "yes" even after normalisation
        List<String> yes = List.of("yes", "Yes", "yes.", "yeah", "yes it is", "yes", "YES", "yes", "yes", "no");
        assertEquals(1.0, VqaAccuracy.accuracy("Yes!", yes), 1e-12);
        assertEquals(0.3, VqaAccuracy.accuracy("yes, it is", yes), 1e-12);
        assertEquals(0.3, VqaAccuracy.accuracy("yeah", yes), 1e-12);
    }

    @Test
    void nothingIsNormalisedWhenAllTenHumansAgree() {
        List<String> tenYes = Collections.nCopies(10, "yes");
        assertEquals(1.0, VqaAccuracy.accuracy("yes", tenYes), 0);
        assertEquals(0.0, VqaAccuracy.accuracy("Yes", tenYes), 0);
        assertEquals(0.0, VqaAccuracy.accuracy("yes.", tenYes), 0);
        assertEquals(0.0, VqaAccuracy.accuracy("two", Collections.nCopies(10, "2")), 0);
        // the test runs after stripping: these humans are unanimous, so "YES" still scores 0
        List<String> padded = new ArrayList<>(Collections.nCopies(8, "yes"));
        padded.add("yes ");
        padded.add("\tyes");
        assertEquals(0.0, VqaAccuracy.accuracy("YES", padded), 0);
        assertEquals(1.0, VqaAccuracy.accuracy(" yes\n", padded), 0);
        // one disagreeing human switches normalisation on for everyone
        List<String> almost = new ArrayList<>(Collections.nCopies(9, "yes"));
        almost.add("no");
        assertEquals(1.0, VqaAccuracy.accuracy("Yes", almost), 1e-12);
    }

    @Test
    void emptyPredictionMatchesHumansThatNormaliseToNothing() {
        List<String> h = List.of("the", "a", "An", "dog", "dog", "dog", "dog", "dog", "dog", "dog");
        assertEquals(0.9, VqaAccuracy.accuracy("", h), 1e-12);
        assertEquals(0.9, VqaAccuracy.accuracy("the", h), 1e-12);
    }

    @Test
    void noneBecomesZeroOnBothSides() {
        List<String> h = List.of("none", "none", "0", "zero", "1", "1", "1", "1", "1", "1");
        assertEquals(1.0, VqaAccuracy.accuracy("none", h), 1e-12);
        assertEquals(1.0, VqaAccuracy.accuracy("0", h), 1e-12);
    }

    @Test
    void duplicateAnswerRecordsLeaveEachOtherOut() {
        // the official code compares whole dicts: two identical records are both excluded from each other's subset
        List<HumanAnswer> h = new ArrayList<>();
        h.add(new HumanAnswer("cat", "yes", 1));
        h.add(new HumanAnswer("cat", "yes", 1));
        for (int i = 3; i <= 10; i++) h.add(new HumanAnswer("dog", "yes", i));
        // each cat record sees 0 cats (both removed), each dog sees 2: (0 + 0 + 8 * 2/3) / 10
        assertEquals(8 * (2.0 / 3.0) / 10, VqaAccuracy.accuracyOf("cat", h), 1e-12);
    }

    @Test
    void roundingIsPythonTwosHalfAwayFromZeroOnTheExactBinaryValue() {
        assertEquals(63.13, VqaAccuracy.round2(63.125), 0);   // exact tie: Python 3 would give 63.12
        assertEquals(0.13, VqaAccuracy.round2(0.125), 0);
        assertEquals(2.67, VqaAccuracy.round2(2.675), 0);     // 2.675 is 2.67499999... in binary
        assertEquals(33.33, VqaAccuracy.round2(100.0 / 3), 0);
        assertEquals(66.67, VqaAccuracy.round2(200.0 / 3), 0);
        assertEquals(90.0, VqaAccuracy.round2(100 * 0.9), 0);
    }
}
