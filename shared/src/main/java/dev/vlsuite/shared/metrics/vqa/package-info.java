/**
 * The official VQA accuracy (GT-Vision-Lab/VQA {@code vqaEval.py}, current version a013f00 with the processing fix),
 * to the letter: shared/ref/VQA-EVAL.md is the algorithm, quirks included.
 *
 * <pre>{@code
 * VqaQuestions q = VqaFiles.readQuestions(questionsJson);         // v2, or v1 with multiple_choices
 * List<VqaAnnotation> a = VqaFiles.readAnnotations(annotationsJson);
 * VqaResults r = VqaFiles.readResults(resultsJson);               // [{"question_id", "answer"}]
 * VqaReport report = VqaAccuracy.evaluate(q, a, r);               // loadRes checks, then the evaluation
 * report.overall(); report.perAnswerType(); report.perQuestionType(); report.perQuestion();
 * System.out.print(report.toText());                              // what vqaEvalDemo.py prints
 * double acc = VqaAccuracy.accuracy("two", List.of("2", "2", "two", ...));  // one question, in [0, 1]
 * String n = VqaAnswers.normalize("The Two dogs!");               // "2 dogs"
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.vlsuite.shared.metrics.vqa.VqaAnswers}: cleaning and normalisation (punctuation, periods,
 *       number words, articles, contractions).</li>
 *   <li>{@link dev.vlsuite.shared.metrics.vqa.VqaAccuracy}: the per-question leave-one-out accuracy with the
 *       "no processing when all humans agree" rule, and the whole evaluation.</li>
 *   <li>{@link dev.vlsuite.shared.metrics.vqa.VqaReport}: overall / per answer type / per question type /
 *       per question, rounded as Python 2's round(x, 2); text and JSON.</li>
 *   <li>{@link dev.vlsuite.shared.metrics.vqa.VqaFiles}: readers of the official files, the results writer;
 *       {@link dev.vlsuite.shared.metrics.vqa.VqaResultsRejectedException} is what loadRes would reject.</li>
 * </ul>
 * Checked against the official algorithm run in Python (src/test/resources/metrics/vqa_eval_reference.py).
 */
package dev.vlsuite.shared.metrics.vqa;
