package dev.vlsuite.vqa.api;

import java.util.List;

/**
 * A model's answer to one question about one image.
 *
 * @param question  the question as asked
 * @param answer    the most probable answer
 * @param score     its probability
 * @param top       the k most probable answers, best first
 * @param attention san: the weights over the grid of each hop (L = gridSide^2 floats each, row-major); empty otherwise
 * @param gridSide  side of the attention grid (0 without attention)
 */
public record Answer(String question, String answer, double score, List<Candidate> top, List<float[]> attention, int gridSide) {
    public Answer {
        top = List.copyOf(top);
        attention = List.copyOf(attention);
    }

    /** One answer and its probability. */
    public record Candidate(String answer, double probability) {}
}
