package dev.vlsuite.shared.metrics.retrieval;

import java.util.List;

/**
 * One dialog of a VisDial v1.0 file: the image, its caption, the rounds padded to {@link VisDialFiles#ROUNDS} as the
 * official reader pads test dialogs, and {@code numRounds}, the number of rounds in the file.
 */
public record VisDialDialog(long imageId, String caption, List<VisDialRound> rounds, int numRounds) {
    public VisDialDialog {
        rounds = List.copyOf(rounds);
    }
}
