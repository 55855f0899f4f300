package dev.vlsuite.video.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Builds the network an {@link Arch} names. */
public final class VideoNets {
    /** The task name in model bundles. */
    public static final String TASK = "video";

    private VideoNets() {}

    public static VideoNet create(VideoConfig config) {
        if (config.streams() == Streams.RGB_DIFF) return new TwoStreamNet(config);
        return switch (config.arch()) {
            case S2VT -> new S2vtNet(config);
            case MEAN_POOL -> new MeanPoolNet(config);
        };
    }

    /**
     * One stream of a model: for rgb+diff 0 is the frames' model and 1 the frame differences' model (each a whole
     * captioner on its half of the frame vector); a one-stream model is its own stream 0.
     */
    public static VideoNet stream(VideoNet net, int i) {
        if (net instanceof TwoStreamNet two) return two.stream(i);
        if (i != 0) throw new IllegalArgumentException(net.config().streams() + " has one stream");
        return net;
    }

    /** frames (B, N, F), tokens (B, T+1), lengths (B). */
    public static Shape[] inputShapes(VideoConfig config) {
        return new Shape[] {new Shape(1, config.frames(), config.featureSize()), new Shape(1, 3), new Shape(1)};
    }

    public static VideoNet createInitialized(VideoConfig config, NDManager manager) {
        VideoNet net = create(config);
        net.initialize(manager, DataType.FLOAT32, inputShapes(config));
        return net;
    }
}
