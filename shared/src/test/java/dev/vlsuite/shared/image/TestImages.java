package dev.vlsuite.shared.image;

import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.ShortPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/** Encodes synthetic pictures with OpenCV so the decoder tests need no binary fixtures. */
final class TestImages {
    private TestImages() {}

    /** 8-bit pixels, channel order as OpenCV stores them (BGR / BGRA / gray), encoded with the extension's codec. */
    static byte[] encode8(int h, int w, int channels, byte[] pixels, String ext, int... params) {
        try (BytePointer data = new BytePointer(pixels); Mat m = new Mat(h, w, CV_8UC(channels), data)) {
            return encode(m, ext, params);
        }
    }

    static byte[] encode16(int h, int w, short[] bgr16, String ext) {
        try (ShortPointer data = new ShortPointer(bgr16); Mat m = new Mat(h, w, CV_16UC3, data)) {
            return encode(m, ext);
        }
    }

    private static byte[] encode(Mat m, String ext, int... params) {
        try (BytePointer out = new BytePointer(); IntPointer p = new IntPointer(params)) {
            if (!opencv_imgcodecs.imencode(ext, m, out, p)) throw new IllegalStateException("imencode " + ext);
            byte[] b = new byte[(int) out.limit()];
            out.get(b);
            return b;
        }
    }

    /** BGR pixels: left half red, right half blue. */
    static byte[] redLeftBlueRight(int h, int w) {
        byte[] bgr = new byte[h * w * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                if (x < w / 2) bgr[i + 2] = (byte) 255;
                else bgr[i] = (byte) 255;
            }
        }
        return bgr;
    }

    static byte[] filled(int h, int w, int... bgr) {
        byte[] px = new byte[h * w * bgr.length];
        for (int i = 0; i < px.length; i++) px[i] = (byte) bgr[i % bgr.length];
        return px;
    }

    /** Inserts an APP1 EXIF segment holding only the Orientation tag right after the JPEG's SOI marker. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);                       // big-endian "MM" TIFF
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);                                        // one IFD entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);                                                  // no next IFD
        byte[] exif = "Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int len = 2 + exif.length + tiff.capacity();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(tiff.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A PNG that is only a signature and an IHDR chunk claiming w x h: a decompression bomb's header. */
    static byte[] pngHeaderOnly(int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        b.putInt(13).put("IHDR".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        b.putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b.array(), 12, 17);
        b.putInt((int) crc.getValue());
        return b.array();
    }
}
