package dev.vlsuite.vqa.api;

import dev.vlsuite.assets.Samples;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The built-in visual dialog model (LF-QIH, discriminative, synthetic dialogs; assets/README.md says how it was
 * trained), extracted once to {@code <cache>/models/dialog-lf-<crc>.vlm} (the cache as {@link DefaultModel}'s).
 */
public final class DialogDefaultModel {
    /** Where the assets module keeps the default dialog model. */
    public static final String RESOURCE = "/dev/vlsuite/assets/models/dialog-lf.vlm";

    private DialogDefaultModel() {}

    public static boolean available() {
        return Samples.class.getResource(RESOURCE) != null;
    }

    /** @throws UsageException one line when the build has no default dialog model */
    public static Path file() throws IOException {
        byte[] bytes;
        try (InputStream in = Samples.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new UsageException("this build has no built-in dialog model (resource " + RESOURCE + " is missing); pass --model FILE.vlm");
            bytes = in.readAllBytes();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Path target = DefaultModel.cacheRoot().resolve("models").resolve(String.format("dialog-lf-%08x.vlm", crc.getValue()));
        if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) AtomicFiles.write(target, out -> out.write(bytes));
        return target;
    }
}
