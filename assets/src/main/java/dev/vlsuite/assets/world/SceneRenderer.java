package dev.vlsuite.assets.world;

import dev.vlsuite.shared.io.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/** Draws a scene with Java2D (anti-aliased) at any square size; PNG output is byte-for-byte reproducible. */
public final class SceneRenderer {
    static {
        System.setProperty("java.awt.headless", "true"); // servers and CI have no display
    }

    private SceneRenderer() {}

    /** An RGB image of size x size pixels; the scene's canvas coordinates are scaled to fit. */
    public static BufferedImage render(Scene scene, int size) {
        if (size < 8) throw new IllegalArgumentException("image size must be >= 8 pixels: " + size);
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        paintBackground(img, scene.background());
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            double f = (double) size / scene.canvas();
            g.scale(f, f);
            for (SceneObject o : scene.objects()) {
                g.setColor(o.colour().rgb());
                g.fill(o.kind().outline(o.cx(), o.cy(), o.radius()));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    public static BufferedImage render(Scene scene) {
        return render(scene, scene.canvas());
    }

    public static byte[] renderPng(Scene scene, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(render(scene, size), "png", out)) throw new IllegalStateException("no PNG writer in this JVM");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory stream: cannot happen
        }
        return out.toByteArray();
    }

    /** Writes the PNG atomically (temp file + rename). */
    public static void writePng(Scene scene, int size, Path file) throws IOException {
        byte[] png = renderPng(scene, size);
        AtomicFiles.write(file, out -> out.write(png));
    }

    private static void paintBackground(BufferedImage img, Background bg) {
        int w = img.getWidth(), h = img.getHeight();
        int[] px = new int[w * h];
        SplittableRandom rng = new SplittableRandom(bg.textureSeed());
        for (int i = 0; i < px.length; i++) {
            int v = bg.gray();
            if (bg.textured()) v = Math.max(0, Math.min(255, v + rng.nextInt(2 * bg.noise() + 1) - bg.noise()));
            px[i] = (v << 16) | (v << 8) | v;
        }
        img.setRGB(0, 0, w, h, px, 0, w);
    }
}
