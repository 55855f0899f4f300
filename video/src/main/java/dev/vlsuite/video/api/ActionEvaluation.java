package dev.vlsuite.video.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Accuracy and confusion matrix of a classifier on labelled videos: {@code confusion[true][predicted]} counts.
 *
 * @param classes   class names, index = label
 * @param confusion C x C counts, rows the true class, columns the predicted one
 * @param failed    "file: reason" of each video that could not be classified (not counted)
 */
public record ActionEvaluation(List<String> classes, int[][] confusion, List<String> failed) {
    /** Classifies {@code labels}' files (true class per file) with {@code classifier} and counts. */
    public static ActionEvaluation run(ActionClassifier classifier, Map<Path, Integer> labels, ActionOptions options,
                                       Runnable afterEach) throws java.io.IOException {
        List<String> classes = classifier.classes();
        int[][] confusion = new int[classes.size()][classes.size()];
        List<String> failed = new ArrayList<>();
        classifier.classifyEach(new ArrayList<>(labels.keySet()), options, o -> {
            if (o.ok()) {
                confusion[labels.get(o.file())][classes.indexOf(o.prediction().label())]++;
            } else {
                failed.add(o.errorLine());
            }
            afterEach.run();
        });
        return new ActionEvaluation(classes, confusion, failed);
    }

    /** Videos classified. */
    public int count() {
        int n = 0;
        for (int[] row : confusion) for (int v : row) n += v;
        return n;
    }

    /** Share of classified videos whose top class is the true one (NaN when none was classified). */
    public double accuracy() {
        int right = 0;
        for (int c = 0; c < confusion.length; c++) right += confusion[c][c];
        return count() == 0 ? Double.NaN : (double) right / count();
    }

    /** Accuracy over the videos of the named classes only (e.g. the four directions); NaN when there are none. */
    public double accuracyOver(List<String> names) {
        int right = 0, total = 0;
        for (String name : names) {
            int c = classes.indexOf(name);
            if (c < 0) continue;
            right += confusion[c][c];
            for (int v : confusion[c]) total += v;
        }
        return total == 0 ? Double.NaN : (double) right / total;
    }

    /** Recall of class {@code c}: right / videos of that class (NaN when it has none). */
    public double recall(int c) {
        int total = 0;
        for (int v : confusion[c]) total += v;
        return total == 0 ? Double.NaN : (double) confusion[c][c] / total;
    }
}
