package dev.vlsuite.shared.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.Raster;

/**
 * CMYK JPEGs without an Adobe APP14 segment store plain (non-inverted) samples. OpenCV treats every
 * CMYK JPEG as Adobe-inverted, which turns these black; javax.imageio's raw raster gives the samples,
 * converted here with R = (255-C)(255-K)/255 (and likewise G from M, B from Y).
 */
final class PlainCmykJpeg {
    private PlainCmykJpeg() {}

    static DecodedImage decode(byte[] bytes, Path source) throws BadImageException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            if (!readers.hasNext()) throw new BadImageException(source, "no JPEG reader for CMYK");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                Raster raster = reader.readRaster(0, null);
                int w = raster.getWidth();
                int h = raster.getHeight();
                if (raster.getNumBands() != 4) throw new BadImageException(source, "corrupt CMYK JPEG");
                int[] cmyk = raster.getPixels(raster.getMinX(), raster.getMinY(), w, h, (int[]) null);
                byte[] rgb = new byte[w * h * 3];
                for (int p = 0, s = 0, d = 0; p < w * h; p++, s += 4, d += 3) {
                    int k = 255 - cmyk[s + 3];
                    rgb[d] = (byte) ((255 - cmyk[s]) * k / 255);
                    rgb[d + 1] = (byte) ((255 - cmyk[s + 1]) * k / 255);
                    rgb[d + 2] = (byte) ((255 - cmyk[s + 2]) * k / 255);
                }
                return new DecodedImage(rgb, w, h, source);
            } finally {
                reader.dispose();
            }
        } catch (BadImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BadImageException(source, "cannot decode CMYK JPEG (" + e.getMessage() + ")");
        }
    }
}
