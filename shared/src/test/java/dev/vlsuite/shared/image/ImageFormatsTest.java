package dev.vlsuite.shared.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every extension folders are searched for is a format the bundled OpenCV decodes, written here by OpenCV itself. */
class ImageFormatsTest {
    private static final int H = 20;
    private static final int W = 24;
    private final ImageDecoder decoder = new ImageDecoder();
    @TempDir Path tmp;

    /**
     * ext: the file's extension; codec: the extension OpenCV encodes with (pxm has no writer: PPM bytes);
     * gray: the Netpbm bitmap/graymap writers take one channel; tol: lossy or float round trips.
     */
    @ParameterizedTest
    @CsvSource({
            "tif, .tif, false, 0", "tiff, .tiff, false, 0", "TIF, .tif, false, 0", "jp2, .jp2, false, 2",
            "pbm, .pbm, true, 0", "pgm, .pgm, true, 0", "ppm, .ppm, false, 0", "pnm, .pnm, false, 0",
            "pxm, .ppm, false, 0", "sr, .sr, false, 0", "ras, .ras, false, 0",
            "hdr, .hdr, false, 3", "pic, .hdr, false, 3"})
    void eachExtensionIsListedAndDecodes(String ext, String codec, boolean gray, int tol) throws Exception {
        byte[] encoded = gray
                ? TestImages.encode8(H, W, 1, halves(1, new int[] {255}, new int[] {0}), codec)
                : TestImages.encode8(H, W, 3, halves(3, new int[] {30, 120, 200}, new int[] {220, 10, 90}), codec);
        Path file = tmp.resolve("picture." + ext);
        Files.write(file, encoded);
        assertTrue(ImageFormats.hasImageExtension(file), file + " is taken from folders");

        DecodedImage im = decoder.decode(file);
        assertEquals(W, im.width());
        assertEquals(H, im.height());
        if (gray) {
            assertPixel(im, 3, 2, 255, 255, 255, tol);   // white left half
            assertPixel(im, 3, W - 2, 0, 0, 0, tol);      // black right half
        } else {
            assertPixel(im, 3, 2, 200, 120, 30, tol);     // BGR 30,120,200 -> RGB
            assertPixel(im, 3, W - 2, 90, 10, 220, tol);
        }
    }

    /** PFM holds floats; like the decoder's other float images, 1.0 is white. */
    @Test
    void pfmDecodes() throws Exception {
        byte[] bgr = halves(3, new int[] {30, 120, 200}, new int[] {220, 10, 90});
        float[] f = new float[bgr.length];
        for (int i = 0; i < f.length; i++) f[i] = (bgr[i] & 0xFF) / 255f;
        byte[] encoded;
        try (FloatPointer data = new FloatPointer(f); Mat m = new Mat(H, W, opencv_core.CV_32FC3, data);
             BytePointer out = new BytePointer()) {
            assertTrue(opencv_imgcodecs.imencode(".pfm", m, out));
            encoded = new byte[(int) out.limit()];
            out.get(encoded);
        }
        Path file = Files.write(tmp.resolve("picture.pfm"), encoded);
        assertTrue(ImageFormats.hasImageExtension(file));
        DecodedImage im = decoder.decode(file);
        assertEquals(W, im.width());
        assertEquals(H, im.height());
        assertPixel(im, 3, 2, 200, 120, 30, 1);
        assertPixel(im, 3, W - 2, 90, 10, 220, 1);
    }

    @Test
    void otherFilesAreNotTakenFromFolders() {
        for (String name : new String[] {"notes.txt", "clip.mp4", "scan.exr", "photo.avif", "tif", ".tif"}) {
            assertFalse(ImageFormats.hasImageExtension(Path.of("dir", name)), name);
        }
        assertTrue(ImageFormats.hasImageExtension(Path.of("dir", "SCAN.TIFF")));
    }

    /** Sizes come from the header, so a decompression bomb in the new formats is refused before decoding. */
    @Test
    void hugeSizesInTheNewHeadersAreRefusedBeforeDecoding() {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8).putShort((short) 2);
        tiff.putShort((short) 256).putShort((short) 4).putInt(1).putInt(100_000);   // ImageWidth LONG
        tiff.putShort((short) 257).putShort((short) 3).putInt(1).putInt(90_000);    // ImageLength SHORT (low half)
        tiff.putInt(0);
        assertTooLarge(tiff.array(), "100000x24464 TIFF");
        assertTooLarge("P6\n# a comment\n100000 90000\n255\n".getBytes(StandardCharsets.US_ASCII), "100000x90000 PBM/PGM/PPM");
        assertTooLarge("#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 90000 +X 100000\n".getBytes(StandardCharsets.US_ASCII),
                "100000x90000 Radiance HDR");
        ByteBuffer sun = ByteBuffer.allocate(32).put(new byte[] {0x59, (byte) 0xA6, 0x6A, (byte) 0x95}).putInt(100_000).putInt(90_000);
        assertTooLarge(sun.array(), "100000x90000 Sun raster");
    }

    @Test
    void aTiffWithoutASizeIsABadImage() {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0};
        BadImageException e = assertThrows(BadImageException.class, () -> decoder.decode(tiff, tmp.resolve("x.tif")));
        assertTrue(e.reason().startsWith("corrupt TIFF"), e.reason());
    }

    private void assertTooLarge(byte[] bytes, String size) {
        BadImageException e = assertThrows(BadImageException.class, () -> decoder.decode(bytes, tmp.resolve("big")));
        assertTrue(e.reason().startsWith("image too large (" + size), e.reason());
    }

    private static void assertPixel(DecodedImage im, int y, int x, int r, int g, int b, int tol) {
        String at = "pixel (" + y + "," + x + ") = " + im.at(y, x, 0) + "," + im.at(y, x, 1) + "," + im.at(y, x, 2);
        assertTrue(Math.abs(im.at(y, x, 0) - r) <= tol && Math.abs(im.at(y, x, 1) - g) <= tol
                && Math.abs(im.at(y, x, 2) - b) <= tol, at + ", expected " + r + "," + g + "," + b);
    }

    /** Left half one colour, right half another (a flip or channel swap shows). */
    private static byte[] halves(int channels, int[] left, int[] right) {
        byte[] px = new byte[H * W * channels];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int[] c = x < W / 2 ? left : right;
                for (int k = 0; k < channels; k++) px[(y * W + x) * channels + k] = (byte) c[k];
            }
        }
        return px;
    }
}
