package dev.vlsuite.shared.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects preprocessed CHW images (from {@link Preprocess#toChw}) made on any thread, then turns
 * them into one (N, 3, S, S) tensor. The data is copied from Java arrays, so the tensor never
 * aliases memory that someone else may free or reuse.
 */
public final class ImageBatch {
    private final int size;
    private final List<float[]> images = new ArrayList<>();

    public ImageBatch(int size) {
        this.size = size;
    }

    public ImageBatch add(float[] chw) {
        if (chw.length != 3 * size * size) {
            throw new IllegalArgumentException("expected 3x" + size + "x" + size + " floats, got " + chw.length);
        }
        images.add(chw);
        return this;
    }

    public int count() {
        return images.size();
    }

    public int imageSize() {
        return size;
    }

    /** (N, 3, S, S) float32 in {@code manager}. */
    public NDArray toNDArray(NDManager manager) {
        int plane = 3 * size * size;
        float[] all = new float[images.size() * plane];
        for (int i = 0; i < images.size(); i++) System.arraycopy(images.get(i), 0, all, i * plane, plane);
        return manager.create(all, new Shape(images.size(), 3, size, size));   // (N,3,S,S)
    }
}
