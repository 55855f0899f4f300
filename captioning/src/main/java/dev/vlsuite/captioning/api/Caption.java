package dev.vlsuite.captioning.api;

import java.util.List;

/**
 * One generated caption.
 *
 * @param text      the words joined into a sentence (Detokenizer)
 * @param tokens    the generated words, without the end token
 * @param logProb   log-probability of the whole sequence under the model, end token included
 * @param attention per word, the attention weights over the L = gridSide^2 grid cells (row-major); null for show-tell
 * @param gridSide  side of the attention grid; 0 when there is no attention
 */
public record Caption(String text, List<String> tokens, double logProb, float[][] attention, int gridSide) {
    public Caption {
        tokens = List.copyOf(tokens);
        if (attention != null && attention.length != tokens.size()) {
            throw new IllegalArgumentException("one attention map per word needed: " + attention.length + " maps, " + tokens.size() + " words");
        }
    }

    public boolean hasAttention() {
        return attention != null;
    }
}
