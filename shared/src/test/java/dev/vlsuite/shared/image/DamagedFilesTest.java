package dev.vlsuite.shared.image;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Since a decoder exception that is not a BadImageException now stops a tool (exit 3, a bug), damaged
 * files of every format must come out as BadImageException or a decoded image, never anything else.
 * Deterministic: truncations and byte changes from a fixed seed.
 */
class DamagedFilesTest {
    private final ImageDecoder decoder = new ImageDecoder();

    @ParameterizedTest
    @ValueSource(strings = {".png", ".jpg", ".bmp", ".webp", ".tif", ".jp2", ".ppm", ".pgm", ".sr", ".hdr", ".pfm"})
    void damagedFilesAreBadImagesOrPictures(String ext) {
        boolean gray = ext.equals(".pgm");
        byte[] px = new byte[20 * 24 * (gray ? 1 : 3)];
        for (int i = 0; i < px.length; i++) px[i] = (byte) (i * 7);
        byte[] good = TestImages.encode8(20, 24, gray ? 1 : 3, px, ext);
        Random rng = new Random(ext.hashCode());
        for (int n = 0; n < 80; n++) {
            byte[] bad = n < 40 ? Arrays.copyOf(good, rng.nextInt(good.length)) : good.clone();
            if (n >= 40) for (int k = 1 + rng.nextInt(4); k > 0; k--) bad[rng.nextInt(Math.min(bad.length, 64 + n * 8))] = (byte) rng.nextInt(256);
            try {
                decoder.decode(bad, Path.of("damaged" + n + ext));
            } catch (BadImageException expected) {
                // the file's fault: reported, the batch goes on
            } catch (RuntimeException e) {
                fail("damaged " + ext + " #" + n + " threw " + e, e);
            }
        }
    }
}
