package dev.vlsuite.captioning.api;

import dev.vlsuite.shared.io.SafePaths;
import dev.vlsuite.shared.io.captions.CaptionImage;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a dataset's image lives under the images folder the user gave; never outside it. */
public final class DatasetImages {
    private DatasetImages() {}

    /**
     * {@code root/filepath/filename} (Karpathy's layout, e.g. val2014/COCO_val2014_...jpg) when that file
     * exists, else {@code root/filename} (the user pointed at the folder itself, or the format has no filepath).
     *
     * @throws IllegalArgumentException when the dataset names no file or a path that escapes root
     */
    public static Path resolve(Path root, CaptionImage image) {
        if (image.filename().isEmpty()) throw new IllegalArgumentException("image " + image.id() + " has no file name in the dataset");
        if (!image.filepath().isEmpty()) {
            Path nested = SafePaths.resolveUnder(root, image.filepath() + "/" + image.filename());
            if (Files.exists(nested)) return nested;
        }
        return SafePaths.resolveUnder(root, image.filename());
    }
}
