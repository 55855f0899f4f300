package dev.vlsuite.shared.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;

/**
 * An 8-bit RGB image in row-major HxWx3 order, upright (EXIF orientation already applied).
 *
 * @param rgb    pixel bytes, length height*width*3, R then G then B
 * @param width  columns
 * @param height rows
 * @param source the file it came from, or null
 */
public record DecodedImage(byte[] rgb, int width, int height, Path source) {
    public DecodedImage {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        if (rgb == null || rgb.length != (long) width * height * 3) {
            throw new IllegalArgumentException("rgb must hold width*height*3 = " + ((long) width * height * 3) + " bytes");
        }
    }

    /** Red, green or blue (c = 0, 1, 2) value at row y, column x, in 0..255. */
    public int at(int y, int x, int c) {
        return rgb[(y * width + x) * 3 + c] & 0xFF;
    }

    /** A TYPE_3BYTE_BGR copy for Java2D drawing (e.g. attention heat maps over the picture). */
    public BufferedImage toBufferedImage() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        return out;
    }

    /** Copies any BufferedImage into an RGB DecodedImage (alpha is composited on white). */
    public static DecodedImage fromBufferedImage(BufferedImage image, Path source) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            rgb[3 * i] = (byte) overWhite((p >> 16) & 0xFF, a);
            rgb[3 * i + 1] = (byte) overWhite((p >> 8) & 0xFF, a);
            rgb[3 * i + 2] = (byte) overWhite(p & 0xFF, a);
        }
        return new DecodedImage(rgb, w, h, source);
    }

    /** c*a + 255*(1-a) with rounding, integers only. */
    static int overWhite(int c, int a) {
        return (c * a + 255 * (255 - a) + 127) / 255;
    }
}
