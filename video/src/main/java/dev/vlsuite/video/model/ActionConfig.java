package dev.vlsuite.video.model;

/**
 * An action classifier's shape, saved in its bundle (the class names are saved beside it). Defaults follow LRCN's
 * activity recognition (Donahue et al. 2015): one LSTM of 256 units over 16 frames, dropout 0.5.
 *
 * @param arch        lstm, frame-mean or single-frame
 * @param classes     C, number of action classes
 * @param featureSize F, one frame's feature vector (vgg-small 4x4 map: 16 x channels; VGG-16 fc7: 4096)
 * @param frames      N, frames sampled per video
 * @param hiddenSize  H, LSTM units (single-frame: the MLP's hidden layer)
 * @param dropout     drop rate before the class scores
 * @param backbone    the backbone spec the features come from (Backbones.open)
 * @param imageSize   square side frames are prepared at (0: the backbone's own)
 * @param spatialSide side of the spatial map a grid backbone is pooled to (0: fc7)
 */
public record ActionConfig(ActionArch arch, int classes, int featureSize, int frames, int hiddenSize, double dropout,
                           String backbone, int imageSize, int spatialSide) {
    public static final int DEFAULT_FRAMES = 16;
    public static final int DEFAULT_HIDDEN = 256;

    public ActionConfig {
        if (arch == null) throw new IllegalArgumentException("arch is required");
        if (classes < 2) throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        if (featureSize < 1 || frames < 1 || hiddenSize < 1) throw new IllegalArgumentException("sizes must be positive: " + this);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        if (spatialSide < 0 || imageSize < 0) throw new IllegalArgumentException("spatialSide and imageSize must be >= 0");
        if (backbone == null || backbone.isBlank()) backbone = "vgg-small";
    }

    /** LRCN's sizes for {@code arch}; C and F are filled in from the data ({@link #withData}). */
    public static ActionConfig paper(ActionArch arch) {
        return new ActionConfig(arch, 2, 1, DEFAULT_FRAMES, DEFAULT_HIDDEN, 0.5, "vgg16", 0, 0);
    }

    public ActionConfig withSizes(int hidden, double drop) {
        return new ActionConfig(arch, classes, featureSize, frames, hidden, drop, backbone, imageSize, spatialSide);
    }

    /** C from the class list; F, N, the backbone, its input side and spatial map from the features. */
    public ActionConfig withData(int classCount, int features, int frameCount, String backboneSpec, int inputSize, int spatial) {
        return new ActionConfig(arch, classCount, features, frameCount, hiddenSize, dropout, backboneSpec, inputSize, spatial);
    }
}
