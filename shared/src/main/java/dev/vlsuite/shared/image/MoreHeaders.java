package dev.vlsuite.shared.image;

import static dev.vlsuite.shared.image.ImageHeader.ascii;
import static dev.vlsuite.shared.image.ImageHeader.be32;
import static dev.vlsuite.shared.image.ImageHeader.startsWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Headers of the less common formats OpenCV decodes (TIFF, JPEG 2000, the Netpbm family, PFM, Sun
 * raster, Radiance HDR): format and size from the first bytes, so {@link ImageHeader} can refuse a
 * decompression bomb before OpenCV allocates. Each method returns null when the bytes are not its format.
 */
final class MoreHeaders {
    private static final int[] JP2_SIGNATURE = {0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, 0x87, 0x0A};

    private MoreHeaders() {}

    static ImageHeader read(byte[] b, Path source) throws BadImageException {
        if (ascii(b, 0, "II") || ascii(b, 0, "MM")) {
            ImageHeader tiff = tiff(b, source);
            if (tiff != null) return tiff;
        }
        if (startsWith(b, 0, JP2_SIGNATURE)) return jp2(b, source);
        if (b.length >= 2 && b[0] == 'P' && "123456Ff".indexOf(b[1]) >= 0) return netpbm(b, source);
        if (startsWith(b, 0, 0x59, 0xA6, 0x6A, 0x95) && b.length >= 12) {
            return new ImageHeader("Sun raster", be32(b, 4), be32(b, 8));
        }
        if (ascii(b, 0, "#?RADIANCE") || ascii(b, 0, "#?RGBE")) return radiance(b, source);
        return null;
    }

    /** Classic TIFF ("II*\0"/"MM\0*") and BigTIFF (43): ImageWidth (256) and ImageLength (257) of the first IFD. */
    private static ImageHeader tiff(byte[] b, Path source) throws BadImageException {
        boolean little = b[0] == 'I';
        int version = u16(b, 2, little);
        if (version != 42 && version != 43) return null;
        boolean big = version == 43;
        long ifd = big ? u64(b, 8, little) : u32(b, 4, little);
        long width = -1;
        long height = -1;
        if (ifd > 0 && ifd < b.length) {
            int at = (int) ifd;
            long count = big ? u64(b, at, little) : u16(b, at, little);
            int entry = big ? 20 : 12;
            int first = at + (big ? 8 : 2);
            for (long i = 0; i < count && first + (i + 1) * entry <= b.length; i++) {
                int e = (int) (first + i * entry);
                int tag = u16(b, e, little);
                int type = u16(b, e + 2, little);
                int value = e + (big ? 12 : 8);
                long v = type == 3 ? u16(b, value, little) : type == 4 ? u32(b, value, little)
                        : type == 16 ? u64(b, value, little) : -1;   // SHORT, LONG, LONG8
                if (tag == 256) width = v;
                if (tag == 257) height = v;
            }
        }
        if (width < 0 || height < 0) throw new BadImageException(source, "corrupt TIFF (no image size in the first directory)");
        return new ImageHeader("TIFF", clamp(width), clamp(height));
    }

    /** JP2 file: the image header box (ihdr: height, width) inside the jp2h super box. */
    private static ImageHeader jp2(byte[] b, Path source) throws BadImageException {
        int jp2h = box(b, 0, b.length, "jp2h");
        if (jp2h >= 0) {
            int end = (int) Math.min(b.length, jp2h + be32(b, jp2h));
            int ihdr = box(b, jp2h + 8, end, "ihdr");
            if (ihdr >= 0 && ihdr + 16 <= b.length) {
                return new ImageHeader("JPEG 2000", clamp(u32(b, ihdr + 12, false)), clamp(u32(b, ihdr + 8, false)));
            }
        }
        throw new BadImageException(source, "corrupt JPEG 2000 (no image header box)");
    }

    /** Offset of the first box of this type among the boxes in [from, end), or -1. */
    private static int box(byte[] b, int from, int end, String type) {
        long at = from;
        while (at + 8 <= end) {
            long len = u32(b, (int) at, false);
            if (ascii(b, (int) at + 4, type)) return (int) at;
            if (len == 1 && at + 16 <= end) len = u64(b, (int) at + 8, false);   // 64-bit box length
            if (len < 8) return -1;                                              // 0: last box, to the end
            at += len;
        }
        return -1;
    }

    /** P1..P6 (PBM, PGM, PPM) and PF/Pf (PFM): magic, then width and height as text, '#' comments allowed. */
    private static ImageHeader netpbm(byte[] b, Path source) throws BadImageException {
        String format = b[1] == 'F' || b[1] == 'f' ? "PFM" : "PBM/PGM/PPM";
        long[] size = new long[2];
        int i = 2;
        for (int k = 0; k < 2; k++) {
            while (i < b.length && (Character.isWhitespace(b[i]) || b[i] == '#')) {
                if (b[i] == '#') while (i < b.length && b[i] != '\n') i++;
                else i++;
            }
            int start = i;
            while (i < b.length && b[i] >= '0' && b[i] <= '9' && i - start < 10) size[k] = size[k] * 10 + (b[i++] - '0');
            if (i == start) throw new BadImageException(source, "corrupt " + format + " (no image size after the magic number)");
        }
        return new ImageHeader(format, clamp(size[0]), clamp(size[1]));
    }

    /** Radiance RGBE: header lines, an empty line, then the resolution line such as "-Y 480 +X 640". */
    private static ImageHeader radiance(byte[] b, Path source) throws BadImageException {
        String head = new String(b, 0, Math.min(b.length, 1 << 16), StandardCharsets.ISO_8859_1);
        int blank = head.indexOf("\n\n");
        if (blank >= 0) {
            int eol = head.indexOf('\n', blank + 2);
            String[] t = head.substring(blank + 2, eol < 0 ? head.length() : eol).trim().split("\\s+");
            if (t.length == 4 && t[0].length() == 2 && t[2].length() == 2) {
                try {
                    long first = Long.parseLong(t[1]);
                    long second = Long.parseLong(t[3]);
                    boolean rowsFirst = t[0].charAt(1) == 'Y';
                    return new ImageHeader("Radiance HDR", clamp(rowsFirst ? second : first), clamp(rowsFirst ? first : second));
                } catch (NumberFormatException bad) {
                    // fall through to the error below
                }
            }
        }
        throw new BadImageException(source, "corrupt Radiance HDR (no resolution line)");
    }

    /** Sizes beyond int are refused by the pixel limit anyway; keep them huge rather than wrapped. */
    private static int clamp(long v) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, v));
    }

    private static int u16(byte[] b, int i, boolean little) {
        return little ? ImageHeader.le16(b, i) : ImageHeader.be16(b, i);
    }

    private static long u32(byte[] b, int i, boolean little) {
        return (little ? ImageHeader.le32(b, i) : be32(b, i)) & 0xFFFFFFFFL;
    }

    private static long u64(byte[] b, int i, boolean little) {
        long lo = u32(b, little ? i : i + 4, little);
        long hi = u32(b, little ? i + 4 : i, little);
        return hi << 32 | lo;
    }
}
