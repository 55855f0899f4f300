package dev.vlsuite.navigation.api;

import dev.vlsuite.assets.BundledModels;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The built-in navigation agent (seq2seq trained on synthetic houses, command in assets/README.md): a class-path
 * resource of the assets module, copied once to a cache folder named by its content hash (bundles are read from
 * files), as captioning's default model is.
 */
public final class DefaultAgent {
    /** Where the assets module keeps it. */
    public static final String RESOURCE = BundledModels.resource("nav-seq2seq");

    private DefaultAgent() {}

    /** True when this build carries it. */
    public static boolean available() {
        return BundledModels.available("nav-seq2seq");
    }

    /** The model as a file, extracted once to {@code <cache>/models/nav-seq2seq-<hash>.vlm} ({@link BundledModels}). */
    public static Path file() throws IOException {
        return BundledModels.file("nav-seq2seq", "navigation agent");
    }
}
