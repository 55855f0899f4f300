package dev.vlsuite.video.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Builds action classifiers; the task name of their bundles. */
public final class ActionNets {
    /** The task name in model bundles (video captioning is "video"). */
    public static final String TASK = "video-classify";

    private ActionNets() {}

    /** frames (B, N, F). */
    public static Shape[] inputShapes(ActionConfig config) {
        return new Shape[] {new Shape(1, config.frames(), config.featureSize())};
    }

    public static ActionNet createInitialized(ActionConfig config, NDManager manager) {
        ActionNet net = new ActionNet(config);
        net.initialize(manager, DataType.FLOAT32, inputShapes(config));
        return net;
    }
}
