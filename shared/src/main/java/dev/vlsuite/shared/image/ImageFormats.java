package dev.vlsuite.shared.image;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The image formats vlsuite reads (what the bundled OpenCV decodes, checked by ImageFormatsTest) and the
 * file extensions by which folders are searched for images. One list for every tool and the input listing.
 */
public final class ImageFormats {
    /**
     * Extensions taken from folders, lower case (compared without case). Not here: OpenEXR (.exr; the
     * bundled OpenCV switches it off at run time) and AVIF (not built into it).
     */
    public static final Set<String> EXTENSIONS = Set.of(
            "jpg", "jpeg", "jpe", "png", "bmp", "dib", "webp", "gif",
            "tif", "tiff", "jp2",
            "pbm", "pgm", "ppm", "pnm", "pxm", "pfm",
            "sr", "ras", "hdr", "pic");

    /** The formats by name, for messages: what a file that is none of them was expected to be. */
    public static final String NAMES =
            "JPEG, PNG, GIF, BMP, WebP, TIFF, JPEG 2000, PBM/PGM/PPM, PFM, Sun raster or Radiance HDR";

    private ImageFormats() {}

    /** True when the file's extension is one of {@link #EXTENSIONS}, in any case. */
    public static boolean hasImageExtension(Path file) {
        Path name = file.getFileName();
        if (name == null) return false;
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(s.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
