package dev.vlsuite.assets;

import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bundled default models ({@code /dev/vlsuite/assets/models/<name>.vlm}), one copy of the logic every task's
 * default-model class used to repeat: a model is a class-path resource, copied once to
 * {@code <cache>/models/<name>-<hash>.vlm} (bundles are read from files; the content hash gives a retrained model a
 * fresh file), the cache as {@link Samples} picks it.
 */
public final class BundledModels {
    private BundledModels() {}

    /** The class-path resource of a bundled model. */
    public static String resource(String name) {
        return "/dev/vlsuite/assets/models/" + name + ".vlm";
    }

    /** True when this build carries the model. */
    public static boolean available(String name) {
        return BundledModels.class.getResource(resource(name)) != null;
    }

    /**
     * The model as a file.
     *
     * @param what how the one-line error names it, e.g. "caption model"
     * @throws UsageException one line when the build has no such model
     */
    public static Path file(String name, String what) throws IOException {
        byte[] bytes;
        try (InputStream in = BundledModels.class.getResourceAsStream(resource(name))) {
            if (in == null) {
                throw new UsageException("this build has no built-in " + what + " (resource " + resource(name)
                        + " is missing); pass --model FILE.vlm");
            }
            bytes = in.readAllBytes();
        }
        Path target = Samples.cacheRoot().resolve("models").resolve(name + "-" + sha256(bytes).substring(0, 16) + ".vlm");
        if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) {
            AtomicFiles.write(target, out -> out.write(bytes));   // concurrent extractions write identical bytes
        }
        return target;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
