package dev.vlsuite.shared.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreprocessTest {

    /** rgb bytes of a w x h picture whose three vertical thirds are red, green, blue. */
    private static DecodedImage thirds(int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) rgb[(y * w + x) * 3 + Math.min(2, 3 * x / w)] = (byte) 255;
        }
        return new DecodedImage(rgb, w, h, null);
    }

    @Test
    void uniformImageNormalizesWithImagenetStatistics() {
        byte[] rgb = new byte[50 * 30 * 3];
        for (int i = 0; i < rgb.length; i += 3) { rgb[i] = (byte) 255; rgb[i + 1] = (byte) 128; rgb[i + 2] = 0; }
        float[] chw = Preprocess.imagenet(16).toChw(new DecodedImage(rgb, 50, 30, null));
        assertEquals(3 * 16 * 16, chw.length);
        assertEquals((1f - 0.485f) / 0.229f, chw[0], 1e-5);
        assertEquals((128 / 255f - 0.456f) / 0.224f, chw[256 + 77], 1e-5);
        assertEquals((0f - 0.406f) / 0.225f, chw[512 + 255], 1e-5);
    }

    @Test
    void wideImageIsCentreCroppedAfterShorterSideResize() {
        // 300x100 -> 48x16 shorter side 16 -> centre 16x16 lies inside the green third
        Preprocess p = new Preprocess(16, new float[] {0, 0, 0}, new float[] {1, 1, 1});
        float[] chw = p.toChw(thirds(300, 100));
        for (int i = 0; i < 256; i++) {
            assertEquals(0f, chw[i], 1e-6, "red plane");
            assertEquals(1f, chw[256 + i], 1e-6, "green plane");
            assertEquals(0f, chw[512 + i], 1e-6, "blue plane");
        }
        // an enlarged tall image keeps its left-to-right layout: left column red, right column blue
        float[] tall = p.toChw(thirds(9, 12));
        assertEquals(1f, tall[8 * 16], 1e-6);
        assertEquals(1f, tall[512 + 8 * 16 + 15], 1e-6);
    }

    @Test
    void batchesStackInOrder() {
        Preprocess p = Preprocess.imagenet(8);
        DecodedImage a = thirds(30, 20);
        DecodedImage b = thirds(20, 30);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = p.batch(List.of(a, b), m);
            assertEquals(new Shape(2, 3, 8, 8), x.getShape());
            assertEquals(DataType.FLOAT32, x.getDataType());
            assertArrayEquals(p.toChw(b), x.get(1).toFloatArray(), 0f);
            assertEquals(new Shape(3, 8, 8), p.toNDArray(a, m).getShape());
        }
        assertThrows(IllegalArgumentException.class, () -> new ImageBatch(8).add(new float[10]));
    }
}
