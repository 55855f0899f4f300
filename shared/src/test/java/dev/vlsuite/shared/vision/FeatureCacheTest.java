package dev.vlsuite.shared.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.vlsuite.shared.image.DecodedImage;
import dev.vlsuite.shared.image.ImageDecoder;
import dev.vlsuite.shared.image.ImageFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {
    /** A toy VGG with fc layers: grid 8x8x8 and fc7 12 at 16 px, fast enough for many runs. */
    static final VggSpec TINY = TorchScriptBackboneTest.TINY;
    /** Two records per segment, to exercise several segments and their clean-up. */
    static final CacheOptions OPTIONS = CacheOptions.defaults().withBatchSize(3)
            .withSegmentBytes(2L * 4 * (64 * 8 + 8 + 12));

    @TempDir Path tmp;

    private static Path picture(Path dir, String name, int r, int g, int b) throws Exception {
        byte[] rgb = new byte[20 * 24 * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            int x = (i / 3) % 24;
            rgb[i] = (byte) r; rgb[i + 1] = (byte) (x < 12 ? g : 255 - g); rgb[i + 2] = (byte) b;
        }
        Path p = dir.resolve(name);
        ImageFiles.writePng(p, new DecodedImage(rgb, 24, 20, null));
        return p;
    }

    /** What the backbone says for the file, computed directly without the cache. */
    private static Features direct(FeatureExtractor fx, Path image, NDManager m) throws Exception {
        DecodedImage im = new ImageDecoder().decode(image);
        return fx.extract(fx.preprocess().toNDArray(im, m).expandDims(0));
    }

    @Test
    void roundTripReuseInvalidationAndBadFiles() throws Exception {
        Path images = Files.createDirectories(tmp.resolve("images"));
        List<Path> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) all.add(picture(images, "img" + i + ".png", 50 * i, 200 - 30 * i, 30 * i));
        Path text = images.resolve("notes.jpg");
        Files.writeString(text, "not a picture");
        all.add(2, text);
        all.add(images.resolve("missing.png"));
        all.add(all.get(0));                                            // duplicates are extracted once

        try (NativeVgg fx = NativeVgg.random(TINY, Device.cpu(), 3); NDManager m = NDManager.newBaseManager()) {
            List<String> bad = new ArrayList<>();
            FeatureCache cache = FeatureCache.open(tmp.resolve("cache"), fx, OPTIONS);
            FeatureCache.EnsureResult r = cache.ensure(all, bad::add);
            assertEquals(new FeatureCache.EnsureResult(0, 5, 2), r);
            assertEquals(2, bad.size());
            assertTrue(bad.get(0).startsWith(text + ": not an image"), bad.get(0));
            assertTrue(bad.get(1).contains("missing.png: no such file"), bad.get(1));
            assertFalse(cache.contains(text));
            for (int i = 0; i < 5; i++) {
                Path p = images.resolve("img" + i + ".png");
                assertTrue(cache.contains(p));
                Features f = direct(fx, p, m);
                assertArrayEquals(f.grid().toFloatArray(), cache.gridArray(p), 1e-4f, "grid of " + p);
                assertArrayEquals(f.pooled().toFloatArray(), cache.pooled(p, m).toFloatArray(), 1e-4f);
                assertArrayEquals(f.fc7().toFloatArray(), cache.fc7(p, m).toFloatArray(), 1e-4f);
            }
            assertEquals(new Shape(64, 8), cache.grid(all.get(1), m).getShape());
            assertEquals(new Shape(2, 64, 8), cache.grids(List.of(all.get(0), all.get(1)), m).getShape());
            assertNotEquals(cache.gridArray(all.get(0))[0] + cache.gridArray(all.get(0))[100],
                    cache.gridArray(all.get(1))[0] + cache.gridArray(all.get(1))[100], "different images, different records");

            // a fresh process: everything is reused, nothing is recomputed
            FeatureCache again = FeatureCache.open(tmp.resolve("cache"), fx, OPTIONS);
            assertEquals(new FeatureCache.EnsureResult(5, 0, 2), again.ensure(all, line -> { }));

            // a changed file (new content, new mtime) is extracted again and its old record is gone
            Path changed = images.resolve("img3.png");
            float[] before = again.gridArray(changed);
            picture(images, "img3.png", 255, 255, 0);
            Files.setLastModifiedTime(changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 5000));
            assertFalse(again.contains(changed));
            assertThrows(NoSuchElementException.class, () -> again.gridArray(changed));
            assertEquals(new FeatureCache.EnsureResult(4, 1, 2), again.ensure(all, line -> { }));
            float[] after = again.gridArray(changed);
            assertArrayEquals(direct(fx, changed, m).grid().toFloatArray(), after, 1e-4f);
            assertFalse(java.util.Arrays.equals(before, after));

            try (var files = Files.list(again.directory())) {
                List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
                assertTrue(names.contains("index.json"), names.toString());
                assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp")), "no temp files: " + names);
                assertEquals(4, names.stream().filter(n -> n.endsWith(".bin")).count(), "3 full/partial + 1 new segment: " + names);
            }
        }
    }

    @Test
    void anotherBackboneDoesNotSeeTheseFeatures() throws Exception {
        Path img = picture(tmp, "a.png", 10, 20, 30);
        try (NativeVgg a = NativeVgg.random(TINY, Device.cpu(), 1); NativeVgg b = NativeVgg.random(TINY, Device.cpu(), 2)) {
            FeatureCache ca = FeatureCache.open(tmp.resolve("cache"), a, OPTIONS);
            ca.ensure(List.of(img), line -> { });
            assertTrue(ca.contains(img));
            FeatureCache cb = FeatureCache.open(tmp.resolve("cache"), b, OPTIONS);
            assertFalse(cb.contains(img));
            assertNotEquals(ca.directory(), cb.directory());
        }
    }
}
