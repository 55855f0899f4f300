package dev.vlsuite.shared.image;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes JPEG, PNG, GIF (first frame), BMP, WebP, TIFF (first page), JPEG 2000, PBM/PGM/PPM, PFM, Sun
 * raster and Radiance HDR bytes ({@link ImageFormats}) into upright 8-bit RGB with OpenCV.
 *
 * <p>OpenCV decodes with IMREAD_UNCHANGED so that alpha and 16-bit samples arrive intact and are
 * converted here by a documented rule (alpha composited on white or dropped, 16-bit scaled by
 * 1/257). IMREAD_UNCHANGED ignores EXIF, so the JPEG Orientation tag is read from the APP1 segment
 * and applied here. Size limits are checked on the header before any pixel is decoded.
 * Thread-safe: instances hold only their immutable options.
 */
public final class ImageDecoder {
    /** Files above this are refused before reading them into memory. */
    private static final long MAX_FILE_BYTES = 1L << 30;
    /** OpenCV reads it once, at the first JPEG 2000 file; it cannot be set from Java. */
    static final String JASPER_SWITCH = "OPENCV_IO_ENABLE_JASPER";

    private final DecodeOptions options;

    public ImageDecoder(DecodeOptions options) {
        this.options = options;
    }

    public ImageDecoder() {
        this(DecodeOptions.defaults());
    }

    public DecodeOptions options() {
        return options;
    }

    /** Reads and decodes a file; every failure (missing, unreadable, not an image...) is a {@link BadImageException}. */
    public DecodedImage decode(Path file) throws BadImageException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) throw new BadImageException(file, "file too large (" + size + " bytes)");
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadImageException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new BadImageException(file, "permission denied");
        } catch (BadImageException e) {
            throw e;
        } catch (IOException e) {
            throw new BadImageException(file, "cannot read (" + e.getMessage() + ")");
        }
        return decode(bytes, file);
    }

    /** Decodes in-memory bytes; {@code source} only names the image in errors and in the result. */
    public DecodedImage decode(byte[] bytes, Path source) throws BadImageException {
        if (bytes.length == 0) throw new BadImageException(source, "empty file");
        ImageHeader header = ImageHeader.read(bytes, source);
        checkSize(header.width(), header.height(), header.format(), source);
        int orientation = 1;
        if (header.format().equals("JPEG")) {
            JpegInfo jpeg = JpegInfo.parse(bytes, source);
            if (!jpeg.complete()) throw new BadImageException(source, "truncated JPEG (no end-of-image marker)");
            orientation = jpeg.orientation();
            if (jpeg.components() == 4 && !jpeg.adobe()) {
                // OpenCV assumes Adobe's inverted CMYK; plain CMYK would come out black, so convert it here
                return orientAndCheck(PlainCmykJpeg.decode(bytes, source), orientation, source);
            }
        } else if (header.format().equals("PNG") && !pngComplete(bytes)) {
            throw new BadImageException(source, "truncated PNG (chunks end before IEND)");
        }
        try (BytePointer data = new BytePointer(bytes);
             Mat encoded = new Mat(1, bytes.length, CV_8U, data);
             Mat raw = opencv_imgcodecs.imdecode(encoded, IMREAD_UNCHANGED)) {
            if (raw.empty()) {
                if (header.format().equals("GIF")) return gifFallback(bytes, source);
                if (header.format().equals("JPEG 2000") && System.getenv(JASPER_SWITCH) == null) {
                    // OpenCV ships its JPEG 2000 codec (Jasper) switched off; the bin/ launchers switch it on
                    throw new BadImageException(source, "JPEG 2000 decoding is off (set " + JASPER_SWITCH + "=1; bin/ tools do)");
                }
                throw new BadImageException(source, "cannot decode " + header.format() + " (corrupt or truncated data)");
            }
            try (Mat upright = orient(raw, orientation)) {
                checkSize(upright.cols(), upright.rows(), header.format(), source);
                return toRgb(upright, source);
            }
        }
    }

    private DecodedImage orientAndCheck(DecodedImage rgb, int orientation, Path source) throws BadImageException {
        try (BytePointer data = new BytePointer(rgb.rgb());
             Mat m = new Mat(rgb.height(), rgb.width(), org.bytedeco.opencv.global.opencv_core.CV_8UC3, data);
             Mat upright = orient(m, orientation)) {
            checkSize(upright.cols(), upright.rows(), "JPEG", source);
            byte[] out = new byte[upright.cols() * upright.rows() * 3];
            upright.data().get(out);
            return new DecodedImage(out, upright.cols(), upright.rows(), source);
        }
    }

    /** Walks the chunk list; a cut-off download ends before the IEND chunk (and OpenCV would only warn on stderr). */
    private static boolean pngComplete(byte[] b) {
        long i = 8;
        while (i + 8 <= b.length) {
            long len = ImageHeader.be32(b, (int) i) & 0xFFFFFFFFL;
            if (ImageHeader.ascii(b, (int) i + 4, "IEND")) return i + 12 + len <= b.length;
            i += 12 + len;
        }
        return false;
    }

    private void checkSize(int width, int height, String format, Path source) throws BadImageException {
        if (width < options.minSide() || height < options.minSide()) {
            throw new BadImageException(source, "image too small (" + width + "x" + height + " " + format
                    + "; minimum side " + options.minSide() + ")");
        }
        long pixels = (long) width * height;
        if (pixels > options.maxPixels()) {
            throw new BadImageException(source, "image too large (" + width + "x" + height + " " + format + " = "
                    + pixels + " pixels; limit " + options.maxPixels() + ")");
        }
    }

    /** EXIF orientation 1..8 -> the rotation/flip that makes the picture upright. Returns a new Mat. */
    private static Mat orient(Mat m, int orientation) {
        Mat out = new Mat();
        switch (orientation) {
            case 2 -> opencv_core.flip(m, out, 1);                       // mirrored horizontally
            case 3 -> opencv_core.rotate(m, out, ROTATE_180);
            case 4 -> opencv_core.flip(m, out, 0);                       // mirrored vertically
            case 5 -> opencv_core.transpose(m, out);                     // mirrored along the main diagonal
            case 6 -> opencv_core.rotate(m, out, ROTATE_90_CLOCKWISE);
            case 7 -> {                                                  // mirrored along the anti-diagonal
                try (Mat t = new Mat()) {
                    opencv_core.transpose(m, t);
                    opencv_core.rotate(t, out, ROTATE_180);
                }
            }
            case 8 -> opencv_core.rotate(m, out, ROTATE_90_COUNTERCLOCKWISE);
            default -> m.copyTo(out);
        }
        return out;
    }

    /** Any depth/channel layout OpenCV returned -> packed 8-bit RGB bytes. */
    private DecodedImage toRgb(Mat m, Path source) throws BadImageException {
        int depth = m.depth();
        int channels = m.channels();
        try (Mat eight = new Mat()) {
            if (depth == CV_8U) {
                m.copyTo(eight);
            } else if (depth == CV_16U) {
                m.convertTo(eight, CV_8U, 1.0 / 257.0, 0.0);              // 65535 -> 255 exactly
            } else if (depth == CV_32F) {
                m.convertTo(eight, CV_8U, 255.0, 0.0);                   // float images are in [0,1]
            } else {
                throw new BadImageException(source, "unsupported pixel depth (OpenCV depth " + depth + ")");
            }
            int w = eight.cols();
            int h = eight.rows();
            byte[] src = new byte[w * h * channels];
            eight.data().get(src);                                       // Mats from imdecode/convertTo are continuous
            byte[] rgb = new byte[w * h * 3];
            for (int p = 0, s = 0, d = 0; p < w * h; p++, s += channels, d += 3) {
                switch (channels) {
                    case 1 -> rgb[d] = rgb[d + 1] = rgb[d + 2] = src[s];
                    case 2 -> rgb[d] = rgb[d + 1] = rgb[d + 2] = alpha(src[s], src[s + 1]);
                    case 3 -> { rgb[d] = src[s + 2]; rgb[d + 1] = src[s + 1]; rgb[d + 2] = src[s]; }   // BGR -> RGB
                    case 4 -> {
                        byte a = src[s + 3];
                        rgb[d] = alpha(src[s + 2], a);
                        rgb[d + 1] = alpha(src[s + 1], a);
                        rgb[d + 2] = alpha(src[s], a);
                    }
                    default -> throw new BadImageException(source, "unsupported channel count " + channels);
                }
            }
            return new DecodedImage(rgb, w, h, source);
        }
    }

    private byte alpha(byte c, byte a) {
        return options.alphaOnWhite() ? (byte) DecodedImage.overWhite(c & 0xFF, a & 0xFF) : c;
    }

    /** Some OpenCV builds lack a GIF reader; javax.imageio reads the first frame. */
    private DecodedImage gifFallback(byte[] bytes, Path source) throws BadImageException {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) throw new BadImageException(source, "cannot decode GIF");
            DecodedImage rgb = DecodedImage.fromBufferedImage(image, source);
            checkSize(rgb.width(), rgb.height(), "GIF", source);
            return rgb;
        } catch (IOException e) {
            throw new BadImageException(source, "cannot decode GIF (" + e.getMessage() + ")");
        }
    }
}
