package dev.vlsuite.shared.vision;

import ai.djl.ndarray.NDArray;

/**
 * What a backbone gives for a batch of N images. The arrays live in the manager of the input batch.
 *
 * @param grid   (N, L, D) conv features, L = side*side locations in row-major order (attention reads these)
 * @param pooled (N, D) mean of the grid over locations
 * @param fc7    (N, 4096) fully connected features after ReLU for full VGG-16, else null
 */
public record Features(NDArray grid, NDArray pooled, NDArray fc7) implements AutoCloseable {

    public boolean hasFc7() {
        return fc7 != null;
    }

    @Override
    public void close() {
        grid.close();
        pooled.close();
        if (fc7 != null) fc7.close();
    }

    /** Moves the arrays to {@code owner} (the caller's manager) before the extractor's scratch scope closes. */
    Features attach(ai.djl.ndarray.NDManager owner) {
        grid.attach(owner);
        pooled.attach(owner);
        if (fc7 != null) fc7.attach(owner);
        return this;
    }

    /** (N, D, S, S) conv output -> grid (N, S*S, D) and pooled (N, D); the 4-D array is closed. */
    static Features fromConvMap(NDArray map, NDArray fc7) {
        long n = map.getShape().get(0);
        long d = map.getShape().get(1);
        NDArray flat = map.reshape(n, d, -1);                                // (N, D, L)
        NDArray grid = flat.transpose(0, 2, 1);                              // (N, L, D)
        NDArray pooled = flat.mean(new int[] {2});                           // (N, D)
        if (flat != map) flat.close();
        map.close();
        return new Features(grid, pooled, fc7);
    }
}
