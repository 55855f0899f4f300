package dev.vlsuite.video.api;

import dev.vlsuite.assets.BundledModels;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The built-in video model: an s2vt bundle trained by {@code bin/video train} on synthetic clips (recipe in
 * assets/README.md), a class-path resource of the assets module copied once to a cache folder named by its content
 * hash (bundles are read from files), as captioning's DefaultModel does.
 */
public final class DefaultVideoModel {
    /** Where the assets module keeps it. */
    public static final String RESOURCE = BundledModels.resource("video-s2vt");

    private DefaultVideoModel() {}

    /** True when this build carries it. */
    public static boolean available() {
        return BundledModels.available("video-s2vt");
    }

    /** The model as a file, extracted once to {@code <cache>/models/video-s2vt-<hash>.vlm} ({@link BundledModels}). */
    public static Path file() throws IOException {
        return BundledModels.file("video-s2vt", "video model");
    }
}
