package dev.vlsuite.captioning.picture;

/**
 * An attention grid (side x side weights, row-major) made into a smooth size x size map in [0, 1]:
 * bilinear upsampling between cell centres, a Gaussian blur of about half a cell (as the Show-Attend-and-Tell
 * figures use pyramid_expand), then scaled to [0, 1] between its minimum and maximum (as matplotlib's imshow
 * scales the map in those figures); a uniform map is all ones.
 */
public final class HeatMap {
    private HeatMap() {}

    public static float[] of(float[] alpha, int side, int size) {
        if (alpha.length != side * side) throw new IllegalArgumentException("alpha has " + alpha.length + " weights, expected " + side + "x" + side);
        float[] up = upsample(alpha, side, size);
        float[] smooth = blur(up, size, size / (2f * side));
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : smooth) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float range = max - min;
        for (int i = 0; i < smooth.length; i++) smooth[i] = range > 1e-12f ? (smooth[i] - min) / range : 1f;
        return smooth;
    }

    /** Bilinear interpolation with cell centres at ((i + 0.5) * size / side); edges are clamped. */
    static float[] upsample(float[] alpha, int side, int size) {
        float[] out = new float[size * size];
        float scale = (float) side / size;
        for (int y = 0; y < size; y++) {
            float gy = clamp((y + 0.5f) * scale - 0.5f, side);
            int y0 = (int) gy;
            int y1 = Math.min(y0 + 1, side - 1);
            float fy = gy - y0;
            for (int x = 0; x < size; x++) {
                float gx = clamp((x + 0.5f) * scale - 0.5f, side);
                int x0 = (int) gx;
                int x1 = Math.min(x0 + 1, side - 1);
                float fx = gx - x0;
                float top = alpha[y0 * side + x0] * (1 - fx) + alpha[y0 * side + x1] * fx;
                float bottom = alpha[y1 * side + x0] * (1 - fx) + alpha[y1 * side + x1] * fx;
                out[y * size + x] = top * (1 - fy) + bottom * fy;
            }
        }
        return out;
    }

    private static float clamp(float g, int side) {
        return Math.max(0f, Math.min(side - 1, g));
    }

    /** Separable Gaussian blur, edges clamped. */
    static float[] blur(float[] img, int size, float sigma) {
        if (sigma < 0.5f) return img;
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        float sum = 0f;
        for (int i = -r; i <= r; i++) sum += k[i + r] = (float) Math.exp(-i * i / (2.0 * sigma * sigma));
        for (int i = 0; i < k.length; i++) k[i] /= sum;
        float[] tmp = new float[img.length];
        float[] out = new float[img.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float acc = 0f;
                for (int i = -r; i <= r; i++) acc += k[i + r] * img[y * size + Math.max(0, Math.min(size - 1, x + i))];
                tmp[y * size + x] = acc;
            }
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float acc = 0f;
                for (int i = -r; i <= r; i++) acc += k[i + r] * tmp[Math.max(0, Math.min(size - 1, y + i)) * size + x];
                out[y * size + x] = acc;
            }
        }
        return out;
    }
}
