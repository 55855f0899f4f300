package dev.vlsuite.vqa.model;

/**
 * A VQA model's architecture, saved in its bundle. {@link #defaults} gives the papers' sizes: word embedding 300
 * (tanh), a 2-layer LSTM of 512, a fused space of 1024 and an MLP of 1000 (Antol et al. 2015 / VQA_LSTM_CNN), an
 * attention MLP of 512 with 2 hops (Yang et al. 2016), dropout 0.5, questions cut at 26 words.
 *
 * @param questionVocab  question words V, specials included
 * @param answers        answer classes (the answer vocabulary's size, specials included)
 * @param maxQuestionLength words kept of a question (the first ones)
 * @param embed          word embedding E
 * @param hidden         LSTM state H; SAN projects the image grid to H as well (u and v_I live in one space)
 * @param layers         LSTM layers
 * @param common         lstm-q-norm-i: the fused space both question and image are mapped to
 * @param mlpHidden      lstm-q-norm-i: the hidden layer of the classifier after the product
 * @param attentionDim   san: the attention MLP size k
 * @param hops           san: attention layers
 * @param dropout        dropout rate
 * @param featureSize    D of the image features (fc7, pooled vector or grid channels)
 * @param locations      L: grid locations for san, 1 for the image vector of lstm-q-norm-i
 * @param gridSide       side of the backbone's grid (attention pictures)
 * @param imageFeature   which backbone output the model reads: "grid", "fc7" or "pooled"
 * @param backbone       the backbone spec (Backbones.open)
 * @param imageSize      the backbone's input side
 * @param blind          the image is zeroed (the question-only baseline of the same net)
 */
public record VqaConfig(Arch arch, int questionVocab, int answers, int maxQuestionLength, int embed, int hidden,
                        int layers, int common, int mlpHidden, int attentionDim, int hops, float dropout,
                        int featureSize, int locations, int gridSide, String imageFeature, String backbone,
                        int imageSize, boolean blind) {
    public VqaConfig {
        if (arch == null) throw new IllegalArgumentException("arch is required");
        if (questionVocab < 5 || answers < 5) throw new IllegalArgumentException("vocabularies too small: questions "
                + questionVocab + ", answers " + answers);
        if (maxQuestionLength < 1 || embed < 1 || hidden < 1 || layers < 1 || common < 1 || mlpHidden < 1
                || attentionDim < 1 || hops < 1 || featureSize < 1 || locations < 1 || gridSide < 1 || imageSize < 1) {
            throw new IllegalArgumentException("sizes must be positive: " + this);
        }
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        if (arch.attends() && locations != gridSide * gridSide) {
            throw new IllegalArgumentException("san reads the whole grid: locations " + locations + " != " + gridSide + "^2");
        }
        if (!arch.attends() && locations != 1) throw new IllegalArgumentException("lstm-q-norm-i reads one image vector (L = 1)");
    }

    /** The papers' sizes for an arch over a backbone of the given shape (vocabularies filled in later). */
    public static VqaConfig defaults(Arch arch, int featureSize, int gridSide, String imageFeature, String backbone, int imageSize) {
        return new VqaConfig(arch, 5, 5, 26, 300, 512, 2, 1024, 1000, 512, 2, 0.5f, featureSize,
                arch.attends() ? gridSide * gridSide : 1, gridSide, imageFeature, backbone, imageSize, false);
    }

    public VqaConfig withVocabularies(int questionWords, int answerClasses) {
        return new VqaConfig(arch, questionWords, answerClasses, maxQuestionLength, embed, hidden, layers, common, mlpHidden,
                attentionDim, hops, dropout, featureSize, locations, gridSide, imageFeature, backbone, imageSize, blind);
    }

    public VqaConfig withSizes(int newEmbed, int newHidden, int newLayers, int newCommon, int newMlp, int newAttention, int newHops) {
        return new VqaConfig(arch, questionVocab, answers, maxQuestionLength, newEmbed, newHidden, newLayers, newCommon, newMlp,
                newAttention, newHops, dropout, featureSize, locations, gridSide, imageFeature, backbone, imageSize, blind);
    }

    public VqaConfig withDropout(float p) {
        return new VqaConfig(arch, questionVocab, answers, maxQuestionLength, embed, hidden, layers, common, mlpHidden,
                attentionDim, hops, p, featureSize, locations, gridSide, imageFeature, backbone, imageSize, blind);
    }

    public VqaConfig withMaxQuestionLength(int n) {
        return new VqaConfig(arch, questionVocab, answers, n, embed, hidden, layers, common, mlpHidden,
                attentionDim, hops, dropout, featureSize, locations, gridSide, imageFeature, backbone, imageSize, blind);
    }

    public VqaConfig withBlind(boolean zeroImage) {
        return new VqaConfig(arch, questionVocab, answers, maxQuestionLength, embed, hidden, layers, common, mlpHidden,
                attentionDim, hops, dropout, featureSize, locations, gridSide, imageFeature, backbone, imageSize, zeroImage);
    }
}
