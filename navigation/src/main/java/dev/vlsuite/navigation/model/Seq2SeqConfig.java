package dev.vlsuite.navigation.model;

/**
 * The seq2seq agent of Anderson et al. 2018 (R2R baseline); defaults are the paper's: word embedding 256, encoder
 * and decoder LSTMs 512, action embedding 32, dropout 0.5, instructions up to 80 tokens, 20 actions.
 *
 * @param vocabSize   V (0 until known), from the training instructions (minimum count 5 in the paper)
 * @param featureSize D of one view's features (2048 for the baseline's ResNet-152)
 * @param blind       the instruction-blind agent: the same net, every instruction replaced by one unknown word
 */
public record Seq2SeqConfig(int vocabSize, int featureSize, int wordEmbedSize, int hiddenSize, int actionEmbedSize,
                            double dropout, int maxInstructionLength, int maxActions, boolean blind) {
    public static final String ARCH = "seq2seq";

    public Seq2SeqConfig {
        // V and D may be 0 until the data fills them in (withData); the net refuses them then
        if (vocabSize < 0 || featureSize < 0 || wordEmbedSize < 1 || hiddenSize < 1 || actionEmbedSize < 1) {
            throw new IllegalArgumentException("seq2seq sizes must be positive: V " + vocabSize + ", D " + featureSize
                    + ", E " + wordEmbedSize + ", H " + hiddenSize + ", A " + actionEmbedSize);
        }
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        if (maxInstructionLength < 1 || maxActions < 1) throw new IllegalArgumentException("max lengths must be >= 1");
    }

    public static Seq2SeqConfig paper(int vocabSize, int featureSize) {
        return new Seq2SeqConfig(vocabSize, featureSize, 256, 512, 32, 0.5, 80, 20, false);
    }

    public Seq2SeqConfig withSizes(int wordEmbed, int hidden, int actionEmbed, double newDropout) {
        return new Seq2SeqConfig(vocabSize, featureSize, wordEmbed, hidden, actionEmbed, newDropout, maxInstructionLength, maxActions, blind);
    }

    public Seq2SeqConfig withData(int newVocabSize, int newFeatureSize) {
        return new Seq2SeqConfig(newVocabSize, newFeatureSize, wordEmbedSize, hiddenSize, actionEmbedSize, dropout, maxInstructionLength, maxActions, blind);
    }

    public Seq2SeqConfig withBlind(boolean b) {
        return new Seq2SeqConfig(vocabSize, featureSize, wordEmbedSize, hiddenSize, actionEmbedSize, dropout, maxInstructionLength, maxActions, b);
    }

    public Seq2SeqConfig withMaxActions(int n) {
        return new Seq2SeqConfig(vocabSize, featureSize, wordEmbedSize, hiddenSize, actionEmbedSize, dropout, maxInstructionLength, n, blind);
    }
}
