package dev.vlsuite.shared.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's grad mode is per thread and on by default except on the thread that started the engine. Optimizer
 * updates (in place on leaf parameters) and validation must run with it off, or libtorch refuses the in-place
 * update ("a leaf Variable that requires grad is being used in an in-place operation") when training runs on a
 * worker thread. A GradientCollector turns it on while open and restores it on close.
 */
final class GradMode implements AutoCloseable {
    private final boolean pytorch = "PyTorch".equals(Engine.getInstance().getEngineName());
    private final boolean previous;

    private GradMode() {
        previous = pytorch && JniUtils.isGradMode();
        if (pytorch) JniUtils.setGradMode(false);
    }

    /** Turns gradient recording off on this thread until {@link #close()}. */
    static GradMode off() {
        return new GradMode();
    }

    @Override
    public void close() {
        if (pytorch) JniUtils.setGradMode(previous);
    }
}
