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
 * @param bilinear       san: M > 0 adds a low-rank bilinear term to the classifier's input (Kim et al. 2017, MLB):
 *                       tanh(W_q u_0) * tanh(W_c (u_K - u_0)), M units; 0 = the paper's classifier on u_K alone
 *                       (bundles from before the field read 0)
 * @param coordinates    san: each grid cell's (x, y) in [-1, 1] appended to its features, so the attended context
 *                       says where the object is (CoordConv; relation networks do the same); false in older bundles
 * @param cellKernel     san: the side of the image projection's kernel over the grid: 1 = each cell alone (the
 *                       paper's W_I), 3 = a trained 3x3 convolution that sees each cell's neighbours; 0 (older
 *                       bundles) means 1
 */
public record VqaConfig(Arch arch, int questionVocab, int answers, int maxQuestionLength, int embed, int hidden,
                        int layers, int common, int mlpHidden, int attentionDim, int hops, float dropout,
                        int featureSize, int locations, int gridSide, String imageFeature, String backbone,
                        int imageSize, boolean blind, int bilinear, boolean coordinates, int cellKernel) {
    public VqaConfig {
        if (arch == null) throw new IllegalArgumentException("arch is required");
        if (questionVocab < 5 || answers < 5) throw new IllegalArgumentException("vocabularies too small: questions "
                + questionVocab + ", answers " + answers);
        if (maxQuestionLength < 1 || embed < 1 || hidden < 1 || layers < 1 || common < 1 || mlpHidden < 1
                || attentionDim < 1 || hops < 1 || featureSize < 1 || locations < 1 || gridSide < 1 || imageSize < 1) {
            throw new IllegalArgumentException("sizes must be positive: " + this);
        }
        if (cellKernel < 0 || cellKernel % 2 == 0 && cellKernel != 0) {
            throw new IllegalArgumentException("cellKernel must be odd (1 = per cell, 3 = 3x3), got " + cellKernel);
        }
        if (bilinear < 0) throw new IllegalArgumentException("bilinear must be >= 0, got " + bilinear);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        if (arch.attends() && locations != gridSide * gridSide) {
            throw new IllegalArgumentException("san reads the whole grid: locations " + locations + " != " + gridSide + "^2");
        }
        if (!arch.attends() && locations != 1) throw new IllegalArgumentException("lstm-q-norm-i reads one image vector (L = 1)");
    }

    /** The papers' sizes for an arch over a backbone of the given shape (vocabularies filled in later). */
    public static VqaConfig defaults(Arch arch, int featureSize, int gridSide, String imageFeature, String backbone, int imageSize) {
        return new VqaConfig(arch, 5, 5, 26, 300, 512, 2, 1024, 1000, 512, 2, 0.5f, featureSize,
                arch.attends() ? gridSide * gridSide : 1, gridSide, imageFeature, backbone, imageSize, false, 0, false, 1);
    }

    public VqaConfig withVocabularies(int questionWords, int answerClasses) {
        return new VqaConfig(arch, questionWords, answerClasses, maxQuestionLength, embed, hidden, layers, common, mlpHidden,
                attentionDim, hops, dropout, featureSize, locations, gridSide, imageFeature, backbone, imageSize, blind, bilinear, coordinates, cellKernel);
    }

    public VqaConfig withSizes(int newEmbed, int newHidden, int newLayers, int newCommon, int newMlp, int newAttention, int newHops) {
        return new VqaConfig(arch, questionVocab, answers, maxQuestionLength, newEmbed, newHidden, newLayers, newCommon, newMlp,
                newAttention, newHops, dropout, featureSize, locations, gridSide, imageFeature, backbone, imageSize, blind, bilinear, coordinates, cellKernel);
    }

    public VqaConfig withDropout(float p) {
        return new VqaConfig(arch, questionVocab, answers, maxQuestionLength, embed, hidden, layers, common, mlpHidden,
                attentionDim, hops, p, featureSize, locations, gridSide, imageFeature, backbone, imageSize, blind, bilinear, coordinates, cellKernel);
    }

    public VqaConfig withMaxQuestionLength(int n) {
        return new VqaConfig(arch, questionVocab, answers, n, embed, hidden, layers, common, mlpHidden,
                attentionDim, hops, dropout, featureSize, locations, gridSide, imageFeature, backbone, imageSize, blind, bilinear, coordinates, cellKernel);
    }

    public VqaConfig withBlind(boolean zeroImage) {
        return new VqaConfig(arch, questionVocab, answers, maxQuestionLength, embed, hidden, layers, common, mlpHidden,
                attentionDim, hops, dropout, featureSize, locations, gridSide, imageFeature, backbone, imageSize, zeroImage, bilinear, coordinates, cellKernel);
    }

    /** san: the bilinear question x attended-image term (0 = none, as the paper) and the grid cells' coordinates. */
    public VqaConfig withSanExtras(int newBilinear, boolean withCoordinates) {
        return new VqaConfig(arch, questionVocab, answers, maxQuestionLength, embed, hidden, layers, common, mlpHidden,
                attentionDim, hops, dropout, featureSize, locations, gridSide, imageFeature, backbone, imageSize, blind,
                newBilinear, withCoordinates, cellKernel);
    }

    /** Channels the san projects per grid cell: the features, plus x and y with {@link #coordinates}. */
    public int cellChannels() {
        return featureSize + (coordinates ? 2 : 0);
    }

    /** san: the image projection's kernel side (1 = per cell, as the paper; 3 = 3x3 over the neighbours). */
    public VqaConfig withCellKernel(int k) {
        return new VqaConfig(arch, questionVocab, answers, maxQuestionLength, embed, hidden, layers, common, mlpHidden,
                attentionDim, hops, dropout, featureSize, locations, gridSide, imageFeature, backbone, imageSize, blind,
                bilinear, coordinates, k);
    }

    /** The projection's kernel side, 1 for bundles written before the field existed. */
    public int kernel() {
        return Math.max(1, cellKernel);
    }
}
