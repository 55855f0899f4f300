package dev.vlsuite.shared.image;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Format and dimensions read from the first bytes of a file, without decoding pixels, so that a
 * decompression bomb is refused before any large allocation.
 *
 * @param format "JPEG", "PNG", "GIF", "BMP", "WebP", or one of {@link MoreHeaders}' ("TIFF", "JPEG 2000"...)
 */
public record ImageHeader(String format, int width, int height) {

    public long pixels() {
        return (long) width * height;
    }

    /** Reads the header, or explains in a {@link BadImageException} why these bytes are not a supported image. */
    public static ImageHeader read(byte[] b, Path source) throws BadImageException {
        try {
            if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
                JpegInfo info = JpegInfo.parse(b, source);
                return new ImageHeader("JPEG", info.width(), info.height());
            }
            if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
                if (!ascii(b, 12, "IHDR")) throw new BadImageException(source, "corrupt PNG (no IHDR chunk)");
                return new ImageHeader("PNG", be32(b, 16), be32(b, 20));
            }
            if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
                return new ImageHeader("GIF", le16(b, 6), le16(b, 8));
            }
            if (ascii(b, 0, "BM") && b.length >= 26) {
                int dib = le32(b, 14);
                if (dib == 12) return new ImageHeader("BMP", le16(b, 18), le16(b, 20));
                return new ImageHeader("BMP", le32(b, 18), Math.abs(le32(b, 22)));   // negative height = top-down rows
            }
            if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
                return webp(b, source);
            }
            ImageHeader other = MoreHeaders.read(b, source);
            if (other != null) return other;
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new BadImageException(source, "truncated image header");
        }
        throw new BadImageException(source, "not an image (unrecognised format; expected " + ImageFormats.NAMES + ")");
    }

    private static ImageHeader webp(byte[] b, Path source) throws BadImageException {
        if (ascii(b, 12, "VP8 ")) {   // lossy: frame tag (3) + start code (3), then 14-bit sizes
            return new ImageHeader("WebP", le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
        }
        if (ascii(b, 12, "VP8L")) {   // lossless: signature byte, then 14+14 bits of size-1
            int bits = le32(b, 21);
            return new ImageHeader("WebP", (bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
        }
        if (ascii(b, 12, "VP8X")) {   // extended: 24-bit canvas size-1
            return new ImageHeader("WebP", le24(b, 24) + 1, le24(b, 27) + 1);
        }
        throw new BadImageException(source, "corrupt WebP (unknown first chunk)");
    }

    static boolean startsWith(byte[] b, int off, int... expected) {
        if (b.length < off + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((b[off + i] & 0xFF) != expected[i]) return false;
        }
        return true;
    }

    static boolean ascii(byte[] b, int off, String s) {
        return b.length >= off + s.length()
                && new String(b, off, s.length(), StandardCharsets.ISO_8859_1).equals(s);
    }

    static int be16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    static int be32(byte[] b, int i) {
        return (be16(b, i) << 16) | be16(b, i + 2);
    }

    static int le16(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
    }

    static int le24(byte[] b, int i) {
        return le16(b, i) | ((b[i + 2] & 0xFF) << 16);
    }

    static int le32(byte[] b, int i) {
        return le16(b, i) | (le16(b, i + 2) << 16);
    }
}
