package dev.vlsuite.vqa.model;

/**
 * A late-fusion visual dialog model (Das et al. 2017, LF): sizes, whether the history is read (LF-QIH) or zeroed
 * (LF-QI), the image feature it reads and the token limits. Defaults follow visdial-challenge-starter-pytorch
 * (embedding 300, LSTM 512 x 2 layers, dropout 0.5, 20-token questions and answers).
 *
 * @param vocab        shared word vocabulary size (questions, answers, captions)
 * @param featureSize  D of the image vector
 * @param history      true: LF-QIH; false: LF-QI (the history vector is zeroed)
 * @param backbone     the feature extractor spec the image vectors come from
 * @param imageFeature "pooled" or "fc7" (ImageFeatures)
 * @param maxHistory   history tokens kept (the most recent ones)
 * @param decoder      "disc" (candidates scored by dot product) or "gen" (an LSTM language model on the encoding;
 *                     null, as in bundles written before it existed, reads as "disc")
 */
public record LateFusionConfig(int vocab, int embed, int hidden, int layers, int featureSize, boolean history,
                               float dropout, String backbone, String imageFeature, int imageSize,
                               int maxQuestion, int maxAnswer, int maxHistory, String decoder) {
    public static final String DISC = "disc";
    public static final String GEN = "gen";

    public LateFusionConfig {
        if (vocab < 5 || embed < 1 || hidden < 1 || layers < 1 || featureSize < 1) {
            throw new IllegalArgumentException("late fusion sizes must be positive (vocab >= 5)");
        }
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        if (maxQuestion < 1 || maxAnswer < 1 || maxHistory < 1) throw new IllegalArgumentException("token limits must be >= 1");
        if (decoder == null) decoder = DISC;
        if (!DISC.equals(decoder) && !GEN.equals(decoder)) throw new IllegalArgumentException("decoder must be disc or gen: " + decoder);
    }

    /** The starter's sizes. */
    public static LateFusionConfig defaults(int vocab, int featureSize, boolean history, String backbone, String imageFeature, int imageSize) {
        return new LateFusionConfig(vocab, 300, 512, 2, featureSize, history, 0.5f, backbone, imageFeature, imageSize, 20, 20, 200, DISC);
    }

    public LateFusionConfig withSizes(int newEmbed, int newHidden, int newLayers) {
        return new LateFusionConfig(vocab, newEmbed, newHidden, newLayers, featureSize, history, dropout, backbone,
                imageFeature, imageSize, maxQuestion, maxAnswer, maxHistory, decoder);
    }

    public LateFusionConfig withDropout(float d) {
        return new LateFusionConfig(vocab, embed, hidden, layers, featureSize, history, d, backbone, imageFeature,
                imageSize, maxQuestion, maxAnswer, maxHistory, decoder);
    }

    /** "disc" or "gen". */
    public LateFusionConfig withDecoder(String d) {
        return new LateFusionConfig(vocab, embed, hidden, layers, featureSize, history, dropout, backbone, imageFeature,
                imageSize, maxQuestion, maxAnswer, maxHistory, d);
    }

    /** Whether answers come from the generative decoder. */
    public boolean generative() {
        return GEN.equals(decoder);
    }

    /** "lf-qih" or "lf-qi". */
    public String arch() {
        return history ? "lf-qih" : "lf-qi";
    }
}
