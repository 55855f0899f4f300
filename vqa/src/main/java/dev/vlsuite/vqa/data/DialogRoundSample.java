package dev.vlsuite.vqa.data;

import java.nio.file.Path;

/**
 * One round of a dialog, ready for batching: word ids (unknown words: {@code <unk>}) of the question and of the
 * history before it (caption, then the previous questions and answers concatenated, as late fusion reads it; the
 * most recent tokens kept), the candidate options as indices into the set's answer pool, the ground-truth index
 * (-1 when withheld).
 *
 * @param dialog index of the dialog in its set; {@code round} 0-based
 */
public record DialogRoundSample(int dialog, int round, Path image, int[] question, int[] history, int[] options, int gtIndex) {}
