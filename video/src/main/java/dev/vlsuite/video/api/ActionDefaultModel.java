package dev.vlsuite.video.api;

import dev.vlsuite.assets.BundledModels;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The built-in action classifier: a class-path resource of the assets module (trained on synthetic motion clips by
 * the command in assets/README.md), copied once to a cache folder named by its content hash (bundles are read from
 * files), as captioning's default model is.
 */
public final class ActionDefaultModel {
    /** Where the assets module keeps it. */
    public static final String RESOURCE = BundledModels.resource("video-classify");

    private ActionDefaultModel() {}

    /** True when this build carries it. */
    public static boolean available() {
        return BundledModels.available("video-classify");
    }

    /** The model as a file, extracted once to {@code <cache>/models/video-classify-<hash>.vlm} ({@link BundledModels}). */
    public static Path file() throws IOException {
        return BundledModels.file("video-classify", "action classifier");
    }
}
