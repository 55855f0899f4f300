package dev.vlsuite.shared.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * CNN input preparation: resize the shorter side to {@code size} (area filter when shrinking,
 * bilinear when enlarging), centre-crop to size x size, scale to [0,1], subtract mean and divide by
 * std per channel, lay out as CHW float32. Pure function of the image; safe on any thread.
 *
 * @param size square output side (224 for VGG-16, 128 for vgg-small)
 * @param mean per-channel RGB mean in [0,1] units
 * @param std  per-channel RGB standard deviation in [0,1] units
 */
public record Preprocess(int size, float[] mean, float[] std) {
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    public Preprocess {
        if (size < 1) throw new IllegalArgumentException("size must be >= 1, got " + size);
        if (mean.length != 3 || std.length != 3) throw new IllegalArgumentException("mean and std need 3 values (RGB)");
        mean = mean.clone();
        std = std.clone();
    }

    /** ImageNet statistics, as torchvision's pretrained VGG expects. */
    public static Preprocess imagenet(int size) {
        return new Preprocess(size, IMAGENET_MEAN, IMAGENET_STD);
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** The normalized (3, size, size) pixels as a flat CHW array. */
    public float[] toChw(DecodedImage image) {
        int w = image.width();
        int h = image.height();
        double scale = (double) size / Math.min(w, h);
        int rw = Math.max(size, (int) Math.round(w * scale));
        int rh = Math.max(size, (int) Math.round(h * scale));
        byte[] resized = new byte[rw * rh * 3];
        try (BytePointer data = new BytePointer(image.rgb());
             Mat src = new Mat(h, w, CV_8UC3, data);
             Mat dst = new Mat()) {
            opencv_imgproc.resize(src, dst, new Size(rw, rh), 0, 0, scale < 1 ? INTER_AREA : INTER_LINEAR);
            dst.data().get(resized);
        }
        int x0 = (rw - size) / 2;
        int y0 = (rh - size) / 2;
        int plane = size * size;
        float[] chw = new float[3 * plane];
        float[] inv = {1f / (255f * std[0]), 1f / (255f * std[1]), 1f / (255f * std[2])};
        float[] off = {mean[0] / std[0], mean[1] / std[1], mean[2] / std[2]};
        for (int y = 0; y < size; y++) {
            int row = ((y0 + y) * rw + x0) * 3;
            for (int x = 0; x < size; x++) {
                int s = row + 3 * x;
                int d = y * size + x;
                for (int c = 0; c < 3; c++) {
                    chw[c * plane + d] = (resized[s + c] & 0xFF) * inv[c] - off[c];   // (v/255 - mean)/std
                }
            }
        }
        return chw;
    }

    /** One image as a (3, size, size) float32 NDArray in {@code manager}. */
    public NDArray toNDArray(DecodedImage image, NDManager manager) {
        return manager.create(toChw(image), new Shape(3, size, size));
    }

    /** Several images as one (N, 3, size, size) float32 NDArray in {@code manager}. */
    public NDArray batch(List<DecodedImage> images, NDManager manager) {
        ImageBatch batch = new ImageBatch(size);
        for (DecodedImage image : images) batch.add(toChw(image));
        return batch.toNDArray(manager);
    }
}
