package dev.vlsuite.assets.language;

import java.util.List;

/**
 * One round of a synthetic visual dialog: the question (lower case, no "?", as VisDial writes them), the answer the
 * world implies, the other wordings of that answer (dense relevance 1), answers that are partly right (relevance
 * 0.5), the family of answers a similar question has (for candidate options) and whether the question can only be
 * understood from the history ("what color is it?", "and the other one?").
 */
public record DialogRound(String question, String answer, List<String> equivalents, List<String> partlyRight,
                          DialogAnswers.Family family, boolean refersBack) {
    public DialogRound {
        equivalents = List.copyOf(equivalents);
        partlyRight = List.copyOf(partlyRight);
    }
}
