package dev.vlsuite.captioning.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Builds the decoder of a {@link CaptionConfig} (no files: api.CaptionModel reads bundles through shared.io.TaskBundle). */
public final class CaptionNets {
    /** The task name written into captioning bundles. */
    public static final String TASK = "captioning";

    private CaptionNets() {}

    /** A fresh (uninitialized) network of the config's arch. */
    public static CaptionNet create(CaptionConfig config) {
        return switch (config.arch()) {
            case SHOW_TELL -> new ShowTellNet(config);
            case SOFT -> new SoftAttentionNet(config);
            case HARD -> new HardAttentionNet(config);
        };
    }

    /** Shapes for {@code Block.initialize}: grid (1, L, D), tokens (1, 2), lengths (1). */
    public static Shape[] inputShapes(CaptionConfig config) {
        return new Shape[] {new Shape(1, config.locations(), config.featureSize()), new Shape(1, 2), new Shape(1)};
    }

    /** Creates the network and initializes its parameters (seeded by the engine RNG) in {@code manager}. */
    public static CaptionNet createInitialized(CaptionConfig config, NDManager manager) {
        CaptionNet net = create(config);
        net.initialize(manager, DataType.FLOAT32, inputShapes(config));
        return net;
    }
}
