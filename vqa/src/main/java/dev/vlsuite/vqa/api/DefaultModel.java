package dev.vlsuite.vqa.api;

import dev.vlsuite.assets.Samples;
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
 * The built-in VQA model: a class-path resource of the assets module, copied once to a cache
 * folder (bundles are read from files) named by its content hash, as {@link Samples} does.
 */
public final class DefaultModel {
    /** Where the assets module keeps the default san model. */
    public static final String RESOURCE = "/dev/vlsuite/assets/models/vqa-san.vlm";

    private DefaultModel() {}

    /** True when this build carries the default model. */
    public static boolean available() {
        return Samples.class.getResource(RESOURCE) != null;
    }

    /**
     * The default model as a file: {@code <cache>/models/vqa-san-<hash>.vlm}, where the cache is
     * {@code -Dvlsuite.cache}, {@code $VLSUITE_CACHE} or {@code ~/.cache/vlsuite}.
     *
     * @throws UsageException one line when the build has no default model
     */
    public static Path file() throws IOException {
        byte[] bytes;
        try (InputStream in = Samples.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new UsageException("this build has no built-in VQA model (resource " + RESOURCE
                        + " is missing); pass --model FILE.vlm");
            }
            bytes = in.readAllBytes();
        }
        Path target = cacheRoot().resolve("models").resolve("vqa-san-" + sha256(bytes).substring(0, 16) + ".vlm");
        if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) {
            AtomicFiles.write(target, out -> out.write(bytes));   // concurrent extractions write identical bytes
        }
        return target;
    }

    static Path cacheRoot() {
        String prop = System.getProperty("vlsuite.cache");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String env = System.getenv("VLSUITE_CACHE");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".cache", "vlsuite");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
