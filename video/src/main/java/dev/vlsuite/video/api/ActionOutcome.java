package dev.vlsuite.video.api;

import java.nio.file.Path;

/** One input's result: a prediction, or the reason the file could not be classified. */
public record ActionOutcome(Path file, ActionPrediction prediction, String error) {
    public ActionOutcome {
        if ((prediction == null) == (error == null)) throw new IllegalArgumentException("exactly one of prediction and error");
    }

    public static ActionOutcome success(Path file, ActionPrediction prediction) {
        return new ActionOutcome(file, prediction, null);
    }

    public static ActionOutcome failure(Path file, String error) {
        return new ActionOutcome(file, null, error);
    }

    public boolean ok() {
        return prediction != null;
    }

    /** "file: reason", the line tools print on stderr. */
    public String errorLine() {
        return file + ": " + error;
    }
}
