package dev.vlsuite.shared.image;

import dev.vlsuite.shared.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Image file names and writing pictures (thumbnails, attention heat maps, grabbed frames) atomically: temp
 * file + rename.
 */
public final class ImageFiles {
    /** Extensions (lower case, no dot) taken from folders as images: what the decoder reads (shared.io.MediaKind.IMAGES). */
    public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "webp", "gif");

    private ImageFiles() {}

    public static void writePng(Path target, BufferedImage image) throws IOException {
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer for image type " + image.getType());
        });
    }

    public static void writePng(Path target, DecodedImage image) throws IOException {
        writePng(target, image.toBufferedImage());
    }
}
