package dev.vlsuite.shared.metrics.vqa;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The official VQA open-ended accuracy (GT-Vision-Lab/VQA vqaEval.py at a013f00, shared/ref/VQA-EVAL.md section 2):
 * per question, the mean over the human answers g of min(1, #(other humans whose answer equals the prediction) / 3),
 * after cleaning both sides and, unless every cleaned human answer is identical, normalising both sides.
 */
public final class VqaAccuracy {
    private VqaAccuracy() {}

    /**
     * One question's accuracy in [0, 1], unrounded, from the human answer strings (distinct annotators, as in real
     * files): 0, .3, .6, .9 or 1 for ten humans. Usable by training validation without any file.
     */
    public static double accuracy(String answer, List<String> humanAnswers) {
        List<HumanAnswer> humans = new ArrayList<>(humanAnswers.size());
        for (int i = 0; i < humanAnswers.size(); i++) humans.add(new HumanAnswer(humanAnswers.get(i), null, i + 1));
        return accuracyOf(answer, humans);
    }

    /** As {@link #accuracy(String, List)} with the annotation's answer records (leave-one-out compares whole records). */
    public static double accuracyOf(String answer, List<HumanAnswer> humans) {
        if (humans.isEmpty()) throw new IllegalArgumentException("no human answers");
        // steps 1-2: clean both sides
        List<HumanAnswer> gts = new ArrayList<>(humans.size());
        Set<String> distinct = new HashSet<>();
        for (HumanAnswer h : humans) {
            HumanAnswer c = h.withAnswer(VqaAnswers.clean(h.answer()));
            gts.add(c);
            distinct.add(c.answer());
        }
        String pred = VqaAnswers.clean(answer);
        // step 4: normalise only when the humans disagree (the maintainers' rule for OCR-like answers, issue #14)
        if (distinct.size() > 1) {
            gts.replaceAll(h -> h.withAnswer(VqaAnswers.normalize(h.answer())));
            pred = VqaAnswers.normalize(pred);
        }
        // step 5-6: leave-one-out; summed in answer order as doubles, then divided, for the same bits
        double sum = 0;
        for (HumanAnswer g : gts) {
            int matches = 0;
            for (HumanAnswer h : gts) {
                if (!h.equals(g) && h.answer().equals(pred)) matches++;
            }
            sum += Math.min(1.0, matches / 3.0);
        }
        return sum / gts.size();
    }

    /** Python 2's round(x, 2): half away from zero on the exact binary value (non-negative here, so HALF_UP). */
    public static double round2(double x) {
        return new BigDecimal(x).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * The official evaluation of a whole results set, after the official loadRes checks (every annotation question
     * id has a result and no result is for another id; answers are strings; multiple-choice answers are choices).
     * Questions are taken in annotation-file order; a question id repeated in the results keeps its last answer.
     *
     * @throws VqaResultsRejectedException what the official loadRes would reject, naming the file and the ids
     */
    public static VqaReport evaluate(VqaQuestions questions, List<VqaAnnotation> annotations, VqaResults results) {
        Map<Long, String> answers = checkedAnswers(questions, annotations, results);
        Map<Long, VqaAnnotation> gts = new LinkedHashMap<>();
        for (VqaAnnotation a : annotations) gts.put(a.questionId(), a); // createIndex: last entry wins
        Map<Long, Double> perQuestion = new LinkedHashMap<>();
        for (VqaAnnotation a : gts.values()) {
            perQuestion.put(a.questionId(), accuracyOf(answers.get(a.questionId()), a.answers()));
        }
        // quesIds is every annotation's id in file order (a repeated id is counted again, with the last entry)
        List<VqaAnnotation> order = annotations.stream().map(a -> gts.get(a.questionId())).toList();
        return VqaReport.of(order, perQuestion);
    }

    private static Map<Long, String> checkedAnswers(VqaQuestions questions, List<VqaAnnotation> annotations,
                                                    VqaResults results) {
        Set<Long> annotated = new HashSet<>();
        for (VqaAnnotation a : annotations) annotated.add(a.questionId());
        Map<Long, String> answers = new LinkedHashMap<>();
        for (VqaResult r : results.results()) answers.put(r.questionId(), r.answer()); // last one wins
        Set<Long> resultIds = new HashSet<>(answers.keySet());
        resultIds.addAll(results.nonStringAnswerIds());

        List<Long> missing = new ArrayList<>();
        Set<Long> reported = new HashSet<>();
        for (VqaAnnotation a : annotations) {
            if (!resultIds.contains(a.questionId()) && reported.add(a.questionId())) missing.add(a.questionId());
        }
        List<Long> extra = new ArrayList<>();
        reported.clear();
        for (VqaResult r : results.results()) {
            if (!annotated.contains(r.questionId()) && reported.add(r.questionId())) extra.add(r.questionId());
        }
        for (Long id : results.nonStringAnswerIds()) {
            if (!annotated.contains(id) && reported.add(id)) extra.add(id);
        }
        List<Long> notAChoice = new ArrayList<>();
        if (questions != null && questions.multipleChoice()) {
            Map<Long, VqaQuestion> byId = questions.byId();
            for (VqaResult r : results.results()) {
                VqaQuestion q = byId.get(r.questionId());
                if (q != null && !q.multipleChoices().contains(r.answer())) notAChoice.add(r.questionId());
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty() || !results.nonStringAnswerIds().isEmpty() || !notAChoice.isEmpty()) {
            throw new VqaResultsRejectedException(results.file(), missing, extra, results.nonStringAnswerIds(), notAChoice);
        }
        return answers;
    }
}
