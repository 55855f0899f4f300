package dev.vlsuite.video.api;

import java.util.List;

/**
 * One video's classification.
 *
 * @param label       the most probable class
 * @param probability its probability
 * @param top         the k most probable classes, best first (the first is {@code label})
 * @param frames      frames the model saw
 * @param note        one line when the file was truncated (classified from what decoded), else null
 */
public record ActionPrediction(String label, double probability, List<Scored> top, int frames, String note) {
    /** A class and its probability. */
    public record Scored(String label, double probability) {}

    public ActionPrediction {
        top = List.copyOf(top);
    }
}
