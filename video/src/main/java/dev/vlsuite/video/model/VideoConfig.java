package dev.vlsuite.video.model;

/**
 * A video caption model's shape, saved in its bundle. Defaults are S2VT's (Venugopalan et al. 2015): frame
 * features projected to 500, word embedding 500, LSTMs of 1000 units, dropout 0.5; CPU runs choose smaller sizes.
 *
 * @param arch        s2vt or mean-pool
 * @param vocabSize   V, words including the specials
 * @param featureSize F, one frame's input vector: the streams' vectors side by side (one stream: 4x4 spatial map
 *                    of vgg-small 2048, VGG-16 fc7 4096; rgb+diff twice that)
 * @param frames      N, frames sampled per video
 * @param projSize    P, frame features projected to this (S2VT's 500)
 * @param embedSize   E, word embedding
 * @param hiddenSize  H, units of each LSTM
 * @param dropout     drop rate on the frame projection and the top LSTM's output
 * @param maxLength   most tokens a caption gets, the end token included
 * @param backbone    the backbone spec the features come from (Backbones.open)
 * @param imageSize   square side frames are prepared at for the backbone (0: the backbone's own, 128 for vgg-small)
 * @param spatialSide side of the coarse spatial map a grid backbone is pooled to (0: the backbone's fc7)
 * @param streams     rgb; diff (frame differences only); or rgb+diff, the frames and a second, motion stream of frame
 *                    differences fused at the word scores (null in bundles older than it: rgb)
 * @param diffWeight  w of the fused word scores (1 - w) log p_rgb + w log p_diff; 0 for rgb, 1 for diff
 */
public record VideoConfig(Arch arch, int vocabSize, int featureSize, int frames, int projSize, int embedSize,
                          int hiddenSize, double dropout, int maxLength, String backbone, int imageSize, int spatialSide,
                          Streams streams, double diffWeight) {
    public static final int DEFAULT_FRAMES = 32;

    public VideoConfig {
        if (arch == null) throw new IllegalArgumentException("arch is required");
        if (vocabSize < 5 || featureSize < 1 || frames < 1 || projSize < 1 || embedSize < 1 || hiddenSize < 1 || maxLength < 2) {
            throw new IllegalArgumentException("sizes must be positive (vocabulary >= 5, max length >= 2): " + this);
        }
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        if (spatialSide < 0 || imageSize < 0) throw new IllegalArgumentException("spatialSide and imageSize must be >= 0");
        if (backbone == null || backbone.isBlank()) backbone = "vgg-small";
        if (streams == null) streams = Streams.RGB;
        if (streams == Streams.RGB) diffWeight = 0;
        if (streams == Streams.DIFF) diffWeight = 1;
        if (!(diffWeight >= 0 && diffWeight <= 1)) throw new IllegalArgumentException("diff weight must be in [0, 1]: " + diffWeight);
        if (featureSize % streams.count() != 0) throw new IllegalArgumentException("feature size " + featureSize + " does not split into " + streams);
    }

    /** Values per frame of one stream. */
    public int streamFeatureSize() {
        return featureSize / streams.count();
    }

    /** The paper's sizes for {@code arch}; V and F are filled in from the data ({@link #withData}). */
    public static VideoConfig paper(Arch arch) {
        return new VideoConfig(arch, 5, 1, DEFAULT_FRAMES, 500, 500, 1000, 0.5, 20, "vgg16", 0, 0, Streams.RGB, 0);
    }

    public VideoConfig withSizes(int proj, int embed, int hidden, double drop) {
        return new VideoConfig(arch, vocabSize, featureSize, frames, proj, embed, hidden, drop, maxLength, backbone, imageSize, spatialSide, streams, diffWeight);
    }

    /** V and F from the data; N frames; the backbone, its input side and the spatial map the features came from. */
    public VideoConfig withData(int vocab, int features, int frameCount, String backboneSpec, int inputSize, int spatial) {
        return new VideoConfig(arch, vocab, features, frameCount, projSize, embedSize, hiddenSize, dropout, maxLength, backboneSpec, inputSize, spatial, streams, diffWeight);
    }

    public VideoConfig withMaxLength(int n) {
        return new VideoConfig(arch, vocabSize, featureSize, frames, projSize, embedSize, hiddenSize, dropout, n, backbone, imageSize, spatialSide, streams, diffWeight);
    }

    /**
     * The streams read and the motion stream's weight in the fused word scores. F (from {@link #withData}) counts all
     * streams' values per frame, so give the streams first, then the data.
     */
    public VideoConfig withStreams(Streams s, double weight) {
        return new VideoConfig(arch, vocabSize, s.count() * (featureSize / streams.count()), frames, projSize, embedSize, hiddenSize, dropout,
                maxLength, backbone, imageSize, spatialSide, s, weight);
    }

    /** This config for one stream alone: what each half of a two-stream model is. */
    public VideoConfig oneStream() {
        return new VideoConfig(arch, vocabSize, streamFeatureSize(), frames, projSize, embedSize, hiddenSize, dropout, maxLength,
                backbone, imageSize, spatialSide, Streams.RGB, 0);
    }
}
