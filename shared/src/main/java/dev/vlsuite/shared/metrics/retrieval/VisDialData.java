package dev.vlsuite.shared.metrics.retrieval;

import java.util.List;

/** A VisDial v1.0 dialogs file: {@code version}, {@code split}, the question and answer pools, the dialogs. */
public record VisDialData(String version, String split, List<String> questions, List<String> answers,
                          List<VisDialDialog> dialogs) {
    public VisDialData {
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
        dialogs = List.copyOf(dialogs);
    }

    /** The official code only checks whether the split name contains "test" (else "val"/"train"). */
    public boolean isTest() {
        return split != null && split.contains("test");
    }
}
