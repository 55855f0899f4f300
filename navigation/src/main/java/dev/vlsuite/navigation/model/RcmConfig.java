package dev.vlsuite.navigation.model;

/**
 * The cross-modal navigator of Wang et al. 2019 (Reinforced Cross-Modal Matching) over the panoramic action space.
 * The paper builds on the speaker-follower setup: word embedding 300, LSTMs 512, dropout 0.5, instructions up to 80
 * tokens; a panoramic action is one hop, at most 10 per episode (speaker-follower's episode length).
 *
 * @param arch        always {@link #ARCH}: what {@code Navigator.load} dispatches on
 * @param vocabSize   V (0 until known)
 * @param featureSize D of one view's features
 * @param blind       the instruction-blind agent: the same net, every instruction replaced by one unknown word
 */
public record RcmConfig(String arch, int vocabSize, int featureSize, int wordEmbedSize, int hiddenSize, double dropout,
                        int maxInstructionLength, int maxActions, boolean blind) {
    public static final String ARCH = "rcm";
    /** The direction code appended to every view and candidate: sin/cos of the relative heading and elevation. */
    public static final int ANGLE_SIZE = 4;

    public RcmConfig {
        if (!ARCH.equals(arch)) throw new IllegalArgumentException("not an rcm config: arch " + arch);
        if (vocabSize < 0 || featureSize < 0 || wordEmbedSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("rcm sizes must be positive: V " + vocabSize + ", D " + featureSize
                    + ", E " + wordEmbedSize + ", H " + hiddenSize);
        }
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        if (maxInstructionLength < 1 || maxActions < 1) throw new IllegalArgumentException("max lengths must be >= 1");
    }

    public static RcmConfig paper(int vocabSize, int featureSize) {
        return new RcmConfig(ARCH, vocabSize, featureSize, 300, 512, 0.5, 80, 10, false);
    }

    /** D + the direction code: what one view or candidate carries. */
    public int viewSize() {
        return featureSize + ANGLE_SIZE;
    }

    public RcmConfig withSizes(int wordEmbed, int hidden, double newDropout) {
        return new RcmConfig(arch, vocabSize, featureSize, wordEmbed, hidden, newDropout, maxInstructionLength, maxActions, blind);
    }

    public RcmConfig withData(int newVocabSize, int newFeatureSize) {
        return new RcmConfig(arch, newVocabSize, newFeatureSize, wordEmbedSize, hiddenSize, dropout, maxInstructionLength, maxActions, blind);
    }

    public RcmConfig withBlind(boolean b) {
        return new RcmConfig(arch, vocabSize, featureSize, wordEmbedSize, hiddenSize, dropout, maxInstructionLength, maxActions, b);
    }

    public RcmConfig withMaxActions(int n) {
        return new RcmConfig(arch, vocabSize, featureSize, wordEmbedSize, hiddenSize, dropout, maxInstructionLength, n, blind);
    }
}
