package dev.vlsuite.assets.world;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneRendererTest {
    @Test
    void objectCentresHaveTheirColourAtAnySize() {
        for (int size : new int[] {48, 128, 200}) {
            for (Scene s : SyntheticWorld.generate(21, 40, 128)) {
                BufferedImage img = SceneRenderer.render(s, size);
                assertEquals(size, img.getWidth());
                assertEquals(size, img.getHeight());
                double f = (double) size / s.canvas();
                for (SceneObject o : s.objects()) {
                    Color c = new Color(img.getRGB((int) (o.cx() * f), (int) (o.cy() * f)));
                    assertEquals(o.colour().rgb(), c, "centre of " + o.describe() + " in scene " + s.id() + " at " + size);
                }
            }
        }
    }

    @Test
    void pixelsOutsideEveryBoxAreBackgroundGrey() {
        for (Scene s : SyntheticWorld.generate(22, 30, 128)) {
            BufferedImage img = SceneRenderer.render(s);
            int checked = 0;
            for (int y = 0; y < 128; y += 3) {
                for (int x = 0; x < 128; x += 3) {
                    int px = x, py = y;
                    // one pixel margin: anti-aliasing may touch the box edge
                    boolean near = s.objects().stream().anyMatch(o -> o.bbox().x0() - 1 <= px && px <= o.bbox().x1() + 1
                            && o.bbox().y0() - 1 <= py && py <= o.bbox().y1() + 1);
                    if (near) continue;
                    Color c = new Color(img.getRGB(x, y));
                    assertEquals(c.getRed(), c.getGreen());
                    assertEquals(c.getRed(), c.getBlue());
                    assertTrue(Math.abs(c.getRed() - s.background().gray()) <= s.background().noise(), "scene " + s.id());
                    checked++;
                }
            }
            assertTrue(checked > 100);
        }
    }

    @Test
    void edgesAreAntiAliased() {
        Scene s = new Scene(0, 1, 128, new Background(80, 0, 0),
                List.of(SceneObject.place(ShapeKind.CIRCLE, ShapeColour.RED, ShapeSize.LARGE, 64, 64, 128)));
        BufferedImage img = SceneRenderer.render(s);
        long blended = 0;
        for (int x = 0; x < 128; x++) {
            Color c = new Color(img.getRGB(x, 40));
            boolean pure = c.equals(ShapeColour.RED.rgb()) || c.equals(new Color(80, 80, 80));
            if (!pure) blended++;
        }
        assertTrue(blended >= 2, "expected blended edge pixels");
    }

    @Test
    void pngIsWrittenAtomicallyAndDecodes(@TempDir Path dir) throws Exception {
        Scene s = SyntheticWorld.generate(4, 1, 128).get(0);
        Path f = dir.resolve("a/b.png");
        SceneRenderer.writePng(s, 64, f);
        BufferedImage back = ImageIO.read(f.toFile());
        assertEquals(64, back.getWidth());
        assertArrayEquals(SceneRenderer.renderPng(s, 64), Files.readAllBytes(f));
        assertEquals(1, Files.list(f.getParent()).count(), "no temp file left behind");
        assertNotNull(ImageIO.read(new ByteArrayInputStream(SceneRenderer.renderPng(s, 32))));
    }
}
