package dev.vlsuite.vqa.api;

import dev.vlsuite.assets.BundledModels;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The built-in visual dialog model (LF-QIH, discriminative, synthetic dialogs; assets/README.md says how it was
 * trained), extracted once to {@code <cache>/models/dialog-lf-<hash>.vlm} ({@link BundledModels}).
 */
public final class DialogDefaultModel {
    /** Where the assets module keeps it. */
    public static final String RESOURCE = BundledModels.resource("dialog-lf");

    private DialogDefaultModel() {}

    /** True when this build carries it. */
    public static boolean available() {
        return BundledModels.available("dialog-lf");
    }

    /** The model as a file, extracted once to {@code <cache>/models/dialog-lf-<hash>.vlm} ({@link BundledModels}). */
    public static Path file() throws IOException {
        return BundledModels.file("dialog-lf", "dialog model");
    }
}
