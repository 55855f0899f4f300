package dev.vlsuite.navigation.model;

/**
 * The speaker of Wang et al. 2019's matching critic (as in Fried et al.'s speaker-follower): a trajectory encoder
 * LSTM over the views the agent faced at each viewpoint (+ the direction of its next move), an LSTM decoder of the
 * instruction with attention over the encoded trajectory. Paper sizes: word embedding 300, LSTMs 512, dropout 0.5.
 *
 * @param vocabSize   V of the instructions (0 until known)
 * @param featureSize D of one view's features
 */
public record SpeakerConfig(int vocabSize, int featureSize, int wordEmbedSize, int hiddenSize, double dropout,
                            int maxInstructionLength) {
    public static final String ARCH = "speaker";

    public SpeakerConfig {
        if (vocabSize < 0 || featureSize < 0 || wordEmbedSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("speaker sizes must be positive: V " + vocabSize + ", D " + featureSize
                    + ", E " + wordEmbedSize + ", H " + hiddenSize);
        }
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        if (maxInstructionLength < 2) throw new IllegalArgumentException("max instruction length must be >= 2");
    }

    public static SpeakerConfig paper(int vocabSize, int featureSize) {
        return new SpeakerConfig(vocabSize, featureSize, 300, 512, 0.5, 80);
    }

    public int viewSize() {
        return featureSize + RcmConfig.ANGLE_SIZE;
    }

    public SpeakerConfig withSizes(int wordEmbed, int hidden, double newDropout) {
        return new SpeakerConfig(vocabSize, featureSize, wordEmbed, hidden, newDropout, maxInstructionLength);
    }

    public SpeakerConfig withData(int newVocabSize, int newFeatureSize) {
        return new SpeakerConfig(newVocabSize, newFeatureSize, wordEmbedSize, hiddenSize, dropout, maxInstructionLength);
    }
}
