package dev.vlsuite.shared.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.vlsuite.shared.image.DecodedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeVggTest {
    @TempDir Path tmp;

    /** A 128x128 white picture with a coloured 48x48 square whose top-left corner is (y0, x0). */
    static DecodedImage square(int y0, int x0, int r, int g, int b) {
        byte[] rgb = new byte[128 * 128 * 3];
        java.util.Arrays.fill(rgb, (byte) 255);
        for (int y = y0; y < y0 + 48; y++) {
            for (int x = x0; x < x0 + 48; x++) {
                int i = (y * 128 + x) * 3;
                rgb[i] = (byte) r; rgb[i + 1] = (byte) g; rgb[i + 2] = (byte) b;
            }
        }
        return new DecodedImage(rgb, 128, 128, null);
    }

    private static float cosine(float[] a, float[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) { ab += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i]; }
        return (float) (ab / Math.sqrt(aa * bb));
    }

    @Test
    void smallBackboneShapesAndFixedRandomWeights() throws Exception {
        try (FeatureExtractor a = Backbones.open("vgg-small", Device.cpu());
             FeatureExtractor b = Backbones.open("vgg-small", Device.cpu());
             NDManager m = NDManager.newBaseManager()) {
            assertEquals(128, a.inputSize());
            assertEquals(8, a.gridSide());
            assertEquals(128, a.channels());
            assertEquals(a.id(), b.id());
            NDArray x = a.preprocess().batch(List.of(square(0, 0, 255, 0, 0), square(80, 80, 0, 0, 255)), m);
            Features fa = a.extract(x);
            Features fb = b.extract(x);
            assertEquals(new Shape(2, 64, 128), fa.grid().getShape());
            assertEquals(new Shape(2, 128), fa.pooled().getShape());
            assertNull(fa.fc7());
            assertArrayEquals(fa.grid().toFloatArray(), fb.grid().toFloatArray(), 0f, "same seed, same weights");
            assertArrayEquals(fa.grid().mean(new int[] {1}).toFloatArray(), fa.pooled().toFloatArray(), 1e-5f);
            assertTrue(fa.grid().gt(0).sum().getLong() > 1000, "ReLU features are not dead");
        }
    }

    @Test
    void smallBackboneFeaturesKeepColourAndPlace() throws Exception {
        try (FeatureExtractor fx = Backbones.open("vgg-small", Device.cpu()); NDManager m = NDManager.newBaseManager()) {
            NDArray x = fx.preprocess().batch(List.of(
                    square(40, 40, 255, 0, 0), square(40, 40, 0, 0, 255), square(0, 0, 255, 0, 0)), m);
            Features f = fx.extract(x);
            float[] redCentre = f.grid().get(0).get(4 * 8 + 4).toFloatArray();     // location inside the square
            float[] blueCentre = f.grid().get(1).get(4 * 8 + 4).toFloatArray();
            float[] redCorner = f.grid().get(2).get(4 * 8 + 4).toFloatArray();     // white background there
            float[] redTopLeft = f.grid().get(2).get(1 * 8 + 1).toFloatArray();
            assertTrue(cosine(redCentre, blueCentre) < 0.9f, "colour changes features: " + cosine(redCentre, blueCentre));
            assertTrue(cosine(redCentre, redCorner) < 0.9f, "place changes features: " + cosine(redCentre, redCorner));
            assertTrue(cosine(redCentre, redTopLeft) > cosine(redCentre, blueCentre),
                    "the same colour elsewhere is closer than another colour in the same place");
        }
    }

    @Test
    void vgg16GivesConv53GridAndFc7() throws Exception {
        try (FeatureExtractor fx = Backbones.open("vgg16", Device.cpu()); NDManager m = NDManager.newBaseManager()) {
            assertEquals(14, fx.gridSide());
            assertEquals(4096, fx.fc7Size());
            Features f = fx.extract(m.randomNormal(new Shape(1, 3, 224, 224)));
            assertEquals(new Shape(1, 196, 512), f.grid().getShape());
            assertEquals(new Shape(1, 512), f.pooled().getShape());
            assertEquals(new Shape(1, 4096), f.fc7().getShape());
            assertTrue(f.fc7().gt(0).sum().getLong() > 0, "fc7 is not all zero");
            assertThrows(IllegalArgumentException.class, () -> fx.extract(m.zeros(new Shape(1, 3, 128, 128))));
        }
    }

    @Test
    void paramsRoundTripAndMismatchIsClear() throws Exception {
        Path file = tmp.resolve("small.params");
        try (NativeVgg a = NativeVgg.random(VggSpec.small(), Device.cpu(), 5); NDManager m = NDManager.newBaseManager()) {
            a.saveParameters(file);
            try (FeatureExtractor b = Backbones.open("vgg-small:" + file, Device.cpu())) {
                NDArray x = m.randomNormal(new Shape(1, 3, 128, 128));
                assertArrayEquals(a.extract(x).grid().toFloatArray(), b.extract(x).grid().toFloatArray(), 0f);
                assertTrue(b.id().contains("sha256:"), b.id());
                assertNotEquals(a.id(), b.id());
            }
        }
        VggSpec wider = new VggSpec("vgg-small", new int[][] {{1, 16}, {1, 32}, {2, 64}, {2, 256}}, 128, true, 0);
        IOException e = assertThrows(IOException.class, () -> NativeVgg.fromParams(wider, file, Device.cpu()));
        assertTrue(e.getMessage().contains("do not fit"), e.getMessage());
    }

    @Test
    void badSpecsFailWithOneClearLine() {
        assertThrows(IllegalArgumentException.class, () -> Backbones.open("resnet", Device.cpu()));
        IOException missing = assertThrows(IOException.class, () -> Backbones.open("vgg16:" + tmp.resolve("none.params"), Device.cpu()));
        assertTrue(missing.getMessage().contains("none.params"), missing.getMessage());
        IOException zoo = assertThrows(IOException.class, () -> Backbones.open("djl://ai.djl.zoo/vlsuite-no-such-model", Device.cpu()));
        assertTrue(zoo.getMessage().startsWith("cannot load backbone djl://"), zoo.getMessage());
        assertFalse(zoo.getMessage().contains("\n"), zoo.getMessage());
    }
}
