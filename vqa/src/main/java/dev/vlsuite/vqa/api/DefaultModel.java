package dev.vlsuite.vqa.api;

import dev.vlsuite.assets.BundledModels;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The built-in VQA model: a class-path resource of the assets module, copied once to a cache
 * folder (bundles are read from files) named by its content hash, as the assets module's samples does.
 */
public final class DefaultModel {
    /** Where the assets module keeps it. */
    public static final String RESOURCE = BundledModels.resource("vqa-san");

    private DefaultModel() {}

    /** True when this build carries it. */
    public static boolean available() {
        return BundledModels.available("vqa-san");
    }

    /** The model as a file, extracted once to {@code <cache>/models/vqa-san-<hash>.vlm} ({@link BundledModels}). */
    public static Path file() throws IOException {
        return BundledModels.file("vqa-san", "VQA model");
    }
}
