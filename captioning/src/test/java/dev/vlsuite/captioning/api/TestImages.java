package dev.vlsuite.captioning.api;

import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SceneRenderer;
import dev.vlsuite.assets.world.SyntheticWorld;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** The bad-file folder of issue 4: good synthetic scenes, valid odd formats, and broken files. */
public final class TestImages {
    /** Valid images, in sorted order. */
    public static final List<String> GOOD = List.of("cmyk.jpg", "gray.png", "gray16.png", "scene-0.png", "scene-1.jpg");
    /** Broken files, in sorted order, and the reason each must be reported with. */
    public static final java.util.Map<String, String> BAD = new java.util.TreeMap<>(java.util.Map.of(
            "empty.jpg", "empty file",
            "huge.png", "image too large (30000x30000 PNG = 900000000 pixels; limit 50000000)",
            "text.jpg", "not an image (unrecognised format; expected JPEG, PNG, GIF, BMP, WebP, TIFF, JPEG 2000, PBM/PGM/PPM, PFM, Sun raster or Radiance HDR)",
            "tiny.png", "image too small (1x1 PNG; minimum side 2)",
            "truncated.jpg", "truncated JPEG (no end-of-image marker)"));

    private TestImages() {}

    /** Writes every file of {@link #GOOD} and {@link #BAD} into {@code dir}. */
    public static Path writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Scene> scenes = SyntheticWorld.generate(11, 2, 96);
        SceneRenderer.writePng(scenes.get(0), 96, dir.resolve("scene-0.png"));
        byte[] jpeg = jpeg(SceneRenderer.render(scenes.get(1), 96));
        Files.write(dir.resolve("scene-1.jpg"), jpeg);
        BufferedImage gray = new BufferedImage(80, 60, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 60; y++) for (int x = 0; x < 80; x++) gray.getRaster().setSample(x, y, 0, (x * 3 + y) & 0xFF);
        ImageIO.write(gray, "png", dir.resolve("gray.png").toFile());
        BufferedImage deep = new BufferedImage(70, 50, BufferedImage.TYPE_USHORT_GRAY);
        short[] px = ((DataBufferUShort) deep.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) px[i] = (short) (i * 997);
        ImageIO.write(deep, "png", dir.resolve("gray16.png").toFile());
        try (InputStream in = TestImages.class.getResourceAsStream("/dev/vlsuite/captioning/cmyk.jpg")) {
            Files.write(dir.resolve("cmyk.jpg"), in.readAllBytes());   // Adobe CMYK (made by PIL, see shared test resources)
        }
        Files.write(dir.resolve("empty.jpg"), new byte[0]);
        Files.writeString(dir.resolve("text.jpg"), "this is a text file, not a picture\n");
        Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("tiny.png").toFile());
        Files.write(dir.resolve("huge.png"), pngHeaderOnly(30_000, 30_000));
        return dir;
    }

    static byte[] jpeg(BufferedImage image) throws IOException {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(image, 0, 0, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(rgb, "jpg", out);
        return out.toByteArray();
    }

    /** A PNG whose header declares width x height pixels (over any sane limit) with no pixel data to inflate. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
