package dev.vlsuite.shared.image;

import java.nio.file.Path;

/**
 * What the JPEG marker segments say, read without decoding: frame size, colour components,
 * EXIF orientation (1..8), whether an Adobe APP14 segment is present, and whether the file
 * reaches its end-of-image marker (a truncated download does not).
 */
record JpegInfo(int width, int height, int components, int orientation, boolean adobe, boolean complete) {

    static JpegInfo parse(byte[] b, Path source) throws BadImageException {
        int width = -1, height = -1, components = 0, orientation = 1;
        boolean adobe = false;
        int i = 2;
        while (true) {
            if (i + 4 > b.length) throw new BadImageException(source, "truncated JPEG (ends inside its headers)");
            if ((b[i] & 0xFF) != 0xFF) throw new BadImageException(source, "corrupt JPEG (bad marker at byte " + i + ")");
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) { i++; continue; }                       // fill byte
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { i += 2; continue; }   // no length
            int len = ImageHeader.be16(b, i + 2);
            int body = i + 4;
            if (len < 2) throw new BadImageException(source, "corrupt JPEG (segment length " + len + ")");
            if (marker == 0xDA) {                                        // start of scan: headers are over
                if (width < 0) throw new BadImageException(source, "corrupt JPEG (scan before frame header)");
                return new JpegInfo(width, height, components, orientation, adobe, hasEndMarker(b, body + len - 2));
            }
            if (body + len - 2 > b.length) throw new BadImageException(source, "truncated JPEG (ends inside its headers)");
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof && width < 0) {
                height = ImageHeader.be16(b, body + 1);
                width = ImageHeader.be16(b, body + 3);
                components = b[body + 5] & 0xFF;
            } else if (marker == 0xE1 && ImageHeader.ascii(b, body, "Exif\0\0")) {
                orientation = exifOrientation(b, body + 6, body + len - 2);
            } else if (marker == 0xEE && ImageHeader.ascii(b, body, "Adobe")) {
                adobe = true;
            }
            i = body + len - 2;
        }
    }

    /** Inside entropy-coded data 0xFF is always followed by 0x00 or a restart marker, so FFD9 here is the real EOI. */
    private static boolean hasEndMarker(byte[] b, int from) {
        for (int i = Math.max(from, 0); i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) return true;
        }
        return false;
    }

    /** The Orientation tag (0x0112) of IFD0 in a TIFF block [tiff, end); 1 when absent or unreadable. */
    static int exifOrientation(byte[] b, int tiff, int end) {
        try {
            boolean little = b[tiff] == 'I';
            int ifd = tiff + u32(b, tiff + 4, little);
            int entries = u16(b, ifd, little);
            for (int e = 0; e < entries; e++) {
                int entry = ifd + 2 + 12 * e;
                if (entry + 12 > end) break;
                if (u16(b, entry, little) == 0x0112) {
                    int value = u16(b, entry + 8, little);
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
        } catch (ArrayIndexOutOfBoundsException ignored) {
            // a broken EXIF block must not make a decodable picture unusable
        }
        return 1;
    }

    private static int u16(byte[] b, int i, boolean little) {
        return little ? ImageHeader.le16(b, i) : ImageHeader.be16(b, i);
    }

    private static int u32(byte[] b, int i, boolean little) {
        return little ? ImageHeader.le32(b, i) : ImageHeader.be32(b, i);
    }
}
