package dev.vlsuite.captioning.api;

import dev.vlsuite.assets.BundledModels;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The built-in caption model: a class-path resource of the assets module, copied once to a cache
 * folder (bundles are read from files) named by its content hash, as the assets module's samples does.
 */
public final class DefaultModel {
    /** Where the assets module keeps it. */
    public static final String RESOURCE = BundledModels.resource("caption-soft");

    private DefaultModel() {}

    /** True when this build carries it. */
    public static boolean available() {
        return BundledModels.available("caption-soft");
    }

    /** The model as a file, extracted once to {@code <cache>/models/caption-soft-<hash>.vlm} ({@link BundledModels}). */
    public static Path file() throws IOException {
        return BundledModels.file("caption-soft", "caption model");
    }
}
