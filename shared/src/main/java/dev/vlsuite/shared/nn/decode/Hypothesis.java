package dev.vlsuite.shared.nn.decode;

import java.util.Arrays;

/**
 * One decoded sequence.
 *
 * @param tokens        emitted ids, without the start token; the last one is the end token when {@code finished}
 * @param score         sum of {@code tokenLogProbs}, divided by the length penalty in beam search when one is set
 * @param tokenLogProbs log-probability of each emitted token under the model (no temperature), same length as tokens
 * @param attention     attention weights (L) per emitted token, or null when the model gives none
 * @param finished      whether the end token was emitted (false: cut at maxLength)
 */
public record Hypothesis(int[] tokens, float score, float[] tokenLogProbs, float[][] attention, boolean finished) {

    /** The tokens without the trailing end token: what a detokenizer should read. */
    public int[] contentTokens() {
        return finished ? Arrays.copyOf(tokens, tokens.length - 1) : tokens.clone();
    }

    /** Sum of the token log-probabilities (the score before any length normalisation). */
    public double logProb() {
        double s = 0;
        for (float lp : tokenLogProbs) {
            s += lp;
        }
        return s;
    }

    @Override
    public String toString() {
        return "Hypothesis" + Arrays.toString(tokens) + " score=" + score + (finished ? "" : " (unfinished)");
    }
}
