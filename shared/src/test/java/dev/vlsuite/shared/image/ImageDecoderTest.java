package dev.vlsuite.shared.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDecoderTest {
    private final ImageDecoder decoder = new ImageDecoder();
    @TempDir Path tmp;

    private static void assertRgb(DecodedImage im, int y, int x, int r, int g, int b, int tol) {
        String at = "pixel (" + y + "," + x + ") = " + im.at(y, x, 0) + "," + im.at(y, x, 1) + "," + im.at(y, x, 2);
        assertTrue(Math.abs(im.at(y, x, 0) - r) <= tol, at);
        assertTrue(Math.abs(im.at(y, x, 1) - g) <= tol, at);
        assertTrue(Math.abs(im.at(y, x, 2) - b) <= tol, at);
    }

    private BadImageException refused(byte[] bytes, String reasonPart) {
        Path file = tmp.resolve("x.jpg");
        BadImageException e = assertThrows(BadImageException.class, () -> decoder.decode(bytes, file));
        assertTrue(e.reason().contains(reasonPart), "reason was: " + e.reason());
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        return e;
    }

    @Test
    void losslessFormatsDecodeToExactRgb() throws Exception {
        byte[] bgr = TestImages.redLeftBlueRight(6, 8);
        for (String ext : new String[] {".png", ".bmp"}) {
            DecodedImage im = decoder.decode(TestImages.encode8(6, 8, 3, bgr, ext), null);
            assertEquals(8, im.width(), ext);
            assertEquals(6, im.height(), ext);
            assertRgb(im, 0, 0, 255, 0, 0, 0);
            assertRgb(im, 5, 7, 0, 0, 255, 0);
        }
        byte[] webp = TestImages.encode8(6, 8, 3, bgr, ".webp", org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_WEBP_QUALITY, 101);
        DecodedImage w = decoder.decode(webp, null);
        assertRgb(w, 0, 0, 255, 0, 0, 0);
        assertRgb(w, 5, 7, 0, 0, 255, 0);
    }

    @Test
    void jpegAndGifDecode() throws Exception {
        DecodedImage jpg = decoder.decode(TestImages.encode8(16, 32, 3, TestImages.redLeftBlueRight(16, 32), ".jpg"), null);
        assertRgb(jpg, 8, 2, 255, 0, 0, 12);
        assertRgb(jpg, 8, 29, 0, 0, 255, 12);
        BufferedImage gif = new BufferedImage(10, 4, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 10; x++) for (int y = 0; y < 4; y++) gif.setRGB(x, y, x < 5 ? 0x00FF00 : 0xFFFF00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(gif, "gif", out));
        DecodedImage g = decoder.decode(out.toByteArray(), null);
        assertEquals(10, g.width());
        assertRgb(g, 1, 1, 0, 255, 0, 0);
        assertRgb(g, 1, 8, 255, 255, 0, 0);
    }

    @Test
    void textRenamedToJpgIsNotAnImage() throws Exception {
        Path file = tmp.resolve("notes.jpg");
        Files.writeString(file, "just some text, not a picture\n");
        BadImageException e = assertThrows(BadImageException.class, () -> decoder.decode(file));
        assertTrue(e.reason().startsWith("not an image"), e.reason());
        assertEquals(file, e.file());
    }

    @Test
    void emptyAndMissingFiles() throws Exception {
        Path empty = tmp.resolve("empty.png");
        Files.write(empty, new byte[0]);
        assertEquals("empty file", assertThrows(BadImageException.class, () -> decoder.decode(empty)).reason());
        assertEquals("no such file", assertThrows(BadImageException.class, () -> decoder.decode(tmp.resolve("nope.png"))).reason());
    }

    @Test
    void truncatedFilesAreRefused() {
        byte[] jpg = TestImages.encode8(64, 64, 3, TestImages.redLeftBlueRight(64, 64), ".jpg");
        refused(Arrays.copyOf(jpg, jpg.length / 2), "truncated JPEG");
        refused(Arrays.copyOf(jpg, 40), "truncated JPEG");
        byte[] png = TestImages.encode8(64, 64, 3, TestImages.redLeftBlueRight(64, 64), ".png");
        refused(Arrays.copyOf(png, png.length / 2), "truncated PNG");
    }

    @Test
    void tooSmallAndTooLarge() throws Exception {
        refused(TestImages.encode8(1, 1, 3, new byte[3], ".png"), "too small");
        // header-only bomb: 100k x 100k would need 30 GB; refused from the IHDR alone
        refused(TestImages.pngHeaderOnly(100_000, 100_000), "too large");
        ImageDecoder strict = new ImageDecoder(DecodeOptions.defaults().withMaxPixels(1000).withMinSide(5));
        byte[] png = TestImages.encode8(40, 40, 3, new byte[40 * 40 * 3], ".png");
        assertThrows(BadImageException.class, () -> strict.decode(png, null));
        assertThrows(BadImageException.class, () -> strict.decode(TestImages.encode8(4, 9, 3, new byte[108], ".png"), null));
        assertEquals(40, decoder.decode(png, null).width());
    }

    @Test
    void grayscaleBecomesEqualRgb() throws Exception {
        byte[] gray = new byte[4 * 5];
        for (int i = 0; i < gray.length; i++) gray[i] = (byte) (i * 10);
        DecodedImage im = decoder.decode(TestImages.encode8(4, 5, 1, gray, ".png"), null);
        assertRgb(im, 1, 2, 70, 70, 70, 0);
        assertRgb(im, 3, 4, 190, 190, 190, 0);
    }

    @Test
    void adobeCmykJpegComesOutRgbCorrect() throws Exception {
        Path cmyk = Path.of(getClass().getResource("/images/cmyk.jpg").toURI());
        DecodedImage im = decoder.decode(cmyk);
        assertEquals(40, im.width());
        assertRgb(im, 10, 5, 255, 0, 0, 10);
        assertRgb(im, 10, 34, 0, 0, 255, 10);
        // plain CMYK without the Adobe segment (OpenCV alone would return black)
        DecodedImage plain = decoder.decode(cmyk.resolveSibling("plain_cmyk.jpg"));
        assertRgb(plain, 10, 5, 255, 0, 0, 10);
        assertRgb(plain, 10, 34, 0, 0, 255, 10);
        DecodedImage rotated = decoder.decode(TestImages.withExifOrientation(Files.readAllBytes(cmyk.resolveSibling("plain_cmyk.jpg")), 6), null);
        assertEquals(20, rotated.width());
        assertRgb(rotated, 3, 10, 255, 0, 0, 10);
    }

    @Test
    void sixteenBitIsScaledToEightBit() throws Exception {
        short[] px = new short[3 * 3 * 3];
        for (int i = 0; i < px.length; i += 3) {
            px[i] = (short) 65535;          // B full
            px[i + 1] = (short) 32896;      // G half (128 * 257)
            px[i + 2] = 0;                  // R none
        }
        DecodedImage im = decoder.decode(TestImages.encode16(3, 3, px, ".png"), null);
        assertRgb(im, 1, 1, 0, 128, 255, 0);
    }

    @Test
    void alphaIsCompositedOnWhiteOrDropped() throws Exception {
        // BGRA: column 0 opaque red, column 1 fully transparent red, column 2 half-transparent black
        byte[] bgra = {0, 0, (byte) 255, (byte) 255, 0, 0, (byte) 255, 0, 0, 0, 0, (byte) 128,
                       0, 0, (byte) 255, (byte) 255, 0, 0, (byte) 255, 0, 0, 0, 0, (byte) 128};
        byte[] png = TestImages.encode8(2, 3, 4, bgra, ".png");
        DecodedImage white = decoder.decode(png, null);
        assertRgb(white, 0, 0, 255, 0, 0, 0);
        assertRgb(white, 0, 1, 255, 255, 255, 0);
        assertRgb(white, 0, 2, 127, 127, 127, 1);
        DecodedImage dropped = new ImageDecoder(DecodeOptions.defaults().withAlphaOnWhite(false)).decode(png, null);
        assertRgb(dropped, 0, 1, 255, 0, 0, 0);
        assertRgb(dropped, 0, 2, 0, 0, 0, 0);
    }

    /** Stored picture: 40 wide x 20 high, red left half, blue right half. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 6, 8})
    void exifOrientationIsApplied(int orientation) throws Exception {
        byte[] jpg = TestImages.withExifOrientation(
                TestImages.encode8(20, 40, 3, TestImages.redLeftBlueRight(20, 40), ".jpg"), orientation);
        DecodedImage im = decoder.decode(jpg, null);
        boolean quarterTurn = orientation >= 5;
        assertEquals(quarterTurn ? 20 : 40, im.width());
        assertEquals(quarterTurn ? 40 : 20, im.height());
        switch (orientation) {
            case 1 -> { assertRgb(im, 10, 3, 255, 0, 0, 12); assertRgb(im, 10, 36, 0, 0, 255, 12); }
            case 3 -> { assertRgb(im, 10, 3, 0, 0, 255, 12); assertRgb(im, 10, 36, 255, 0, 0, 12); }
            case 6 -> { assertRgb(im, 3, 10, 255, 0, 0, 12); assertRgb(im, 36, 10, 0, 0, 255, 12); }   // 90 CW: left -> top
            case 8 -> { assertRgb(im, 3, 10, 0, 0, 255, 12); assertRgb(im, 36, 10, 255, 0, 0, 12); }
            default -> throw new AssertionError();
        }
    }

    @Test
    void bufferedImageRoundTripAndAtomicPng() throws Exception {
        DecodedImage im = decoder.decode(TestImages.encode8(6, 8, 3, TestImages.redLeftBlueRight(6, 8), ".png"), null);
        DecodedImage back = DecodedImage.fromBufferedImage(im.toBufferedImage(), null);
        assertTrue(Arrays.equals(im.rgb(), back.rgb()));
        Path out = tmp.resolve("sub/heat.png");
        ImageFiles.writePng(out, im);
        assertTrue(Arrays.equals(im.rgb(), decoder.decode(out).rgb()));
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
        assertTrue(new String(Files.readAllBytes(out), 1, 3, StandardCharsets.US_ASCII).equals("PNG"));
    }
}
