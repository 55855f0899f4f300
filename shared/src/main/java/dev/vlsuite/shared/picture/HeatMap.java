package dev.vlsuite.shared.picture;

import java.awt.image.BufferedImage;

/**
 * Attention weights made into pictures, for every task: a caption word's grid over the image, a VQA question's
 * stacked attention, a video caption's weights over frames (a 1 x N grid under a frame strip), a navigation
 * agent's weights over its views.
 * <p>
 * {@link #of} turns a rows x cols grid (row-major) into a smooth width x height map in [0, 1]: bilinear
 * upsampling between cell centres, a Gaussian blur of about half a cell (as the Show-Attend-and-Tell figures use
 * pyramid_expand), then scaled between its minimum and maximum (as matplotlib's imshow scales the map in those
 * figures); a uniform map is all ones. {@link #shade} darkens a picture where the map is low.
 */
public final class HeatMap {
    /** Brightness kept where attention is zero, so the picture stays readable. */
    public static final float FLOOR = 0.25f;

    private HeatMap() {}

    /** A square side x side grid as a size x size map. */
    public static float[] of(float[] alpha, int side, int size) {
        return of(alpha, side, side, size, size);
    }

    /** A rows x cols grid (row-major) as a width x height map (row-major), values in [0, 1]. */
    public static float[] of(float[] alpha, int rows, int cols, int width, int height) {
        if (rows < 1 || cols < 1 || alpha.length != rows * cols) {
            throw new IllegalArgumentException("alpha has " + alpha.length + " weights, expected " + rows + "x" + cols);
        }
        float[] up = upsample(alpha, rows, cols, width, height);
        // half a cell, along the finer of the two directions
        float sigma = Math.min(width / (2f * cols), height / (2f * rows));
        float[] smooth = blur(up, width, height, sigma);
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

    /** Each pixel scaled by FLOOR + (1 - FLOOR) * heat: attended regions stay bright, the rest goes dark. */
    public static BufferedImage shade(BufferedImage picture, float[] heat) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        if (heat.length != w * h) throw new IllegalArgumentException("heat map has " + heat.length + " values for a " + w + "x" + h + " picture");
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = picture.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            float f = FLOOR + (1 - FLOOR) * heat[i];
            int r = Math.round(((px[i] >> 16) & 0xFF) * f);
            int g = Math.round(((px[i] >> 8) & 0xFF) * f);
            int b = Math.round((px[i] & 0xFF) * f);
            px[i] = (r << 16) | (g << 8) | b;
        }
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }

    /** Bilinear interpolation with cell centres at ((i + 0.5) * size / cells); edges are clamped. */
    static float[] upsample(float[] alpha, int rows, int cols, int width, int height) {
        float[] out = new float[width * height];
        float sy = (float) rows / height;
        float sx = (float) cols / width;
        for (int y = 0; y < height; y++) {
            float gy = clamp((y + 0.5f) * sy - 0.5f, rows);
            int y0 = (int) gy;
            int y1 = Math.min(y0 + 1, rows - 1);
            float fy = gy - y0;
            for (int x = 0; x < width; x++) {
                float gx = clamp((x + 0.5f) * sx - 0.5f, cols);
                int x0 = (int) gx;
                int x1 = Math.min(x0 + 1, cols - 1);
                float fx = gx - x0;
                float top = alpha[y0 * cols + x0] * (1 - fx) + alpha[y0 * cols + x1] * fx;
                float bottom = alpha[y1 * cols + x0] * (1 - fx) + alpha[y1 * cols + x1] * fx;
                out[y * width + x] = top * (1 - fy) + bottom * fy;
            }
        }
        return out;
    }

    private static float clamp(float g, int cells) {
        return Math.max(0f, Math.min(cells - 1, g));
    }

    /** Separable Gaussian blur, edges clamped. */
    static float[] blur(float[] img, int width, int height, float sigma) {
        if (sigma < 0.5f) return img;
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        float sum = 0f;
        for (int i = -r; i <= r; i++) sum += k[i + r] = (float) Math.exp(-i * i / (2.0 * sigma * sigma));
        for (int i = 0; i < k.length; i++) k[i] /= sum;
        float[] tmp = new float[img.length];
        float[] out = new float[img.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float acc = 0f;
                for (int i = -r; i <= r; i++) acc += k[i + r] * img[y * width + Math.max(0, Math.min(width - 1, x + i))];
                tmp[y * width + x] = acc;
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float acc = 0f;
                for (int i = -r; i <= r; i++) acc += k[i + r] * tmp[Math.max(0, Math.min(height - 1, y + i)) * width + x];
                out[y * width + x] = acc;
            }
        }
        return out;
    }
}
