package dev.vlsuite.navigation.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.vlsuite.shared.vision.Backbones;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.shared.vision.FeatureExtractor;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderedViewFeaturesTest {
    @TempDir Path tmp;

    @Test
    void viewsGoThroughTheSharedCnnAndCache() throws Exception {
        Path views = tmp.resolve("views");
        for (String vp : List.of("aa", "bb")) {
            Path dir = Files.createDirectories(views.resolve("house0001").resolve(vp));
            for (int ix = 0; ix < 36; ix++) {
                BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setColor(vp.equals("aa") ? Color.getHSBColor(ix / 36f, 1, 1) : Color.GRAY);
                g.fillRect(0, 0, 32, 32);
                g.setColor(Color.WHITE);
                g.fillOval(ix % 12, ix / 12 * 8, 12, 12);
                g.dispose();
                ImageIO.write(img, "png", dir.resolve(ix + ".png").toFile());
            }
        }
        Files.createDirectories(views.resolve("house0001/cc"));
        try (FeatureExtractor fx = Backbones.open("vgg-small", Device.cpu(), 32);
             FeatureCache cache = FeatureCache.open(tmp.resolve("cache"), fx);
             RenderedViewFeatures f = new RenderedViewFeatures(views, cache)) {
            List<String> bad = new ArrayList<>();
            int failed = f.ensure(List.of(new String[] {"house0001", "aa"}, new String[] {"house0001", "bb"}, new String[] {"house0001", "cc"}), bad::add);
            assertEquals(36, failed, "cc has no rendered views");
            assertEquals(36, bad.size());
            assertTrue(bad.get(0).contains("0.png"), bad.get(0));
            int d = f.dim();
            assertEquals(fx.channels(), d);
            float[] a = f.panorama("house0001", "aa");
            assertEquals(36 * d, a.length);
            float[] v5 = f.view("house0001", "aa", 5), v6 = f.view("house0001", "aa", 6);
            double diff = 0;
            for (int k = 0; k < d; k++) diff += Math.abs(v5[k] - v6[k]);
            assertTrue(diff > 1e-3, "different views give different features");
            try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
                float[] pooled = cache.pooled(views.resolve("house0001/aa/5.png"), m).toFloatArray();
                for (int k = 0; k < d; k++) assertEquals(pooled[k], v5[k], 0);
            }
            assertThrows(NavigationDataException.class, () -> f.panorama("house0001", "cc"));
            assertThrows(NavigationDataException.class, () -> f.viewFile("..", "..", 0).toString().length());
        }
    }
}
