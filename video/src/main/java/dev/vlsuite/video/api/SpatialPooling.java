package dev.vlsuite.video.api;

/**
 * Average-pools one frame's conv grid (G x G locations of D channels) to a coarse S x S map and flattens it
 * (S*S*D values, cell-major). Mean-pooling the whole grid would erase WHERE things are and, with it, the motion
 * direction a video model has to see; a 4x4 map keeps the position at a quarter of the frame's width. Cells are
 * adaptive (as torch's adaptive_avg_pool2d), so any G works, also G &lt; S (cells then repeat locations).
 */
public final class SpatialPooling {
    private SpatialPooling() {}

    /**
     * @param grid  G*G*D floats, locations row-major, channels innermost (shared.vision Features.grid of one image)
     * @param out   receives S*S*D floats at {@code offset}
     */
    public static void pool(float[] grid, int gridOffset, int side, int channels, int cells, float[] out, int offset) {
        for (int cy = 0; cy < cells; cy++) {
            int y0 = cy * side / cells, y1 = Math.max(y0 + 1, ceilDiv((cy + 1) * side, cells));
            for (int cx = 0; cx < cells; cx++) {
                int x0 = cx * side / cells, x1 = Math.max(x0 + 1, ceilDiv((cx + 1) * side, cells));
                int o = offset + (cy * cells + cx) * channels;
                float inv = 1f / ((y1 - y0) * (x1 - x0));
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        int g = gridOffset + (y * side + x) * channels;
                        for (int d = 0; d < channels; d++) out[o + d] += grid[g + d] * inv;
                    }
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
