package dev.vlsuite.vqa.model;

/**
 * A late-fusion visual dialog model (Das et al. 2017, LF): sizes, whether the history is read (LF-QIH) or zeroed
 * (LF-QI), the image feature it reads, whether the image is attended (lf-att) and the token limits. Defaults
 * follow visdial-challenge-starter-pytorch (embedding 300, LSTM 512 x 2 layers, dropout 0.5, 20-token questions and
 * answers).
 *
 * @param vocab        shared word vocabulary size (questions, answers, captions)
 * @param featureSize  D of the image vector (of each grid location for lf-att)
 * @param history      true: LF-QIH; false: LF-QI (the history vector is zeroed)
 * @param backbone     the feature extractor spec the image vectors come from
 * @param imageFeature "pooled" or "fc7" (one vector), "grid" (the conv grid, lf-att) (ImageFeatures)
 * @param maxHistory   history tokens kept (the most recent ones)
 * @param decoder      "disc" (candidates scored by dot product), "gen" (an LSTM language model on the encoding) or
 *                     "both" (one encoder, both heads trained together; null, as in bundles written before the
 *                     generative decoder existed, reads as "disc")
 * @param attentionDim lf-att: the size of the question-guided attention over the grid (0: no attention, LF)
 * @param standardise  image features standardised per channel (the training images' statistics, saved with the
 *                     model) before the L2 norm; false only in bundles written before it existed
 */
public record LateFusionConfig(int vocab, int embed, int hidden, int layers, int featureSize, boolean history,
                               float dropout, String backbone, String imageFeature, int imageSize,
                               int maxQuestion, int maxAnswer, int maxHistory, String decoder, int attentionDim, boolean standardise) {
    public static final String DISC = "disc";
    public static final String GEN = "gen";
    public static final String BOTH = "both";

    public LateFusionConfig {
        if (vocab < 5 || embed < 1 || hidden < 1 || layers < 1 || featureSize < 1 || attentionDim < 0) {
            throw new IllegalArgumentException("late fusion sizes must be positive (vocab >= 5)");
        }
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        if (maxQuestion < 1 || maxAnswer < 1 || maxHistory < 1) throw new IllegalArgumentException("token limits must be >= 1");
        if (decoder == null) decoder = DISC;
        if (!DISC.equals(decoder) && !GEN.equals(decoder) && !BOTH.equals(decoder)) {
            throw new IllegalArgumentException("decoder must be disc, gen or both: " + decoder);
        }
        if (attentionDim > 0 && !standardise) throw new IllegalArgumentException("lf-att standardises its grid");
        if (attentionDim > 0 && !"grid".equals(imageFeature)) throw new IllegalArgumentException("lf-att reads the grid, not " + imageFeature);
    }

    /** The starter's sizes. */
    public static LateFusionConfig defaults(int vocab, int featureSize, boolean history, String backbone, String imageFeature, int imageSize) {
        return new LateFusionConfig(vocab, 300, 512, 2, featureSize, history, 0.5f, backbone, imageFeature, imageSize, 20, 20, 200, DISC, 0, true);
    }

    public LateFusionConfig withSizes(int newEmbed, int newHidden, int newLayers) {
        return new LateFusionConfig(vocab, newEmbed, newHidden, newLayers, featureSize, history, dropout, backbone,
                imageFeature, imageSize, maxQuestion, maxAnswer, maxHistory, decoder, attentionDim, standardise);
    }

    public LateFusionConfig withDropout(float d) {
        return new LateFusionConfig(vocab, embed, hidden, layers, featureSize, history, d, backbone, imageFeature,
                imageSize, maxQuestion, maxAnswer, maxHistory, decoder, attentionDim, standardise);
    }

    /** "disc", "gen" or "both". */
    public LateFusionConfig withDecoder(String d) {
        return new LateFusionConfig(vocab, embed, hidden, layers, featureSize, history, dropout, backbone, imageFeature,
                imageSize, maxQuestion, maxAnswer, maxHistory, d, attentionDim, standardise);
    }

    /** The history tokens kept. */
    public LateFusionConfig withMaxHistory(int n) {
        return new LateFusionConfig(vocab, embed, hidden, layers, featureSize, history, dropout, backbone, imageFeature,
                imageSize, maxQuestion, maxAnswer, n, decoder, attentionDim, standardise);
    }

    /** lf-att: question-guided attention of size {@code dim} over the grid (the features must be "grid"). */
    public LateFusionConfig withAttention(int dim) {
        return new LateFusionConfig(vocab, embed, hidden, layers, featureSize, history, dropout, backbone, imageFeature,
                imageSize, maxQuestion, maxAnswer, maxHistory, decoder, dim, standardise);
    }

    /** Whether the model has the discriminative head (candidate encoder). */
    public boolean hasDisc() {
        return !GEN.equals(decoder);
    }

    /** Whether the model has the generative head (answer language model). */
    public boolean hasGen() {
        return !DISC.equals(decoder);
    }

    /** Whether answers come from the generative decoder by default (a gen-only model; "both" ranks with disc). */
    public boolean generative() {
        return GEN.equals(decoder);
    }

    /** Whether the image is attended over its grid, guided by the question (lf-att). */
    public boolean attends() {
        return attentionDim > 0;
    }

    /** "lf-qih", "lf-qi" or "lf-att" (attention, with history). */
    public String arch() {
        if (attends()) return history ? "lf-att" : "lf-att-qi";
        return history ? "lf-qih" : "lf-qi";
    }
}
