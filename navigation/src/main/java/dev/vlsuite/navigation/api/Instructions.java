package dev.vlsuite.navigation.api;

import dev.vlsuite.navigation.model.Seq2SeqConfig;
import dev.vlsuite.shared.text.CaptionTokenizer;
import dev.vlsuite.shared.text.Vocabulary;
import java.util.List;

/** Instructions as the agent reads them: lower-case PTB words, at most maxInstructionLength - 1, then {@code <end>}. */
public final class Instructions {
    private static final CaptionTokenizer TOKENIZER = new CaptionTokenizer();

    private Instructions() {}

    public static List<String> words(String instruction) {
        return TOKENIZER.words(instruction);
    }

    /** The ids the encoder reads; the blind agent reads one unknown word whatever the instruction. */
    public static int[] encode(Vocabulary vocabulary, String instruction, Seq2SeqConfig config) {
        if (config.blind()) return new int[] {Vocabulary.UNK_ID};
        List<String> w = words(instruction);
        if (w.size() > config.maxInstructionLength() - 1) w = w.subList(0, config.maxInstructionLength() - 1);
        int[] ids = new int[w.size() + 1];
        for (int i = 0; i < w.size(); i++) ids[i] = vocabulary.id(w.get(i));
        ids[w.size()] = Vocabulary.END_ID;
        return ids;
    }
}
