package dev.vlsuite.shared.image;

import dev.vlsuite.shared.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writing pictures (thumbnails, attention heat maps, grabbed frames) atomically: temp file + rename. */
public final class ImageFiles {
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
