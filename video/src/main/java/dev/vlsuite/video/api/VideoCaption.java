package dev.vlsuite.video.api;

import java.util.List;

/**
 * A video's caption.
 *
 * @param text    the caption as a sentence
 * @param tokens  its words
 * @param logProb log-probability of the whole sequence, the end token included
 * @param frames  frames the model saw
 * @param note    one line when the file was truncated and only what decoded was captioned, else null
 */
public record VideoCaption(String text, List<String> tokens, double logProb, int frames, String note) {}
