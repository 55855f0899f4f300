package dev.vlsuite.shared.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.shared.image.DecodedImage;
import dev.vlsuite.shared.image.ImageDecoder;
import dev.vlsuite.shared.image.ImageFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two writers on one feature cache at once: every image must end up with its own features. */
class FeatureCacheConcurrencyTest {
    @TempDir Path tmp;

    /** An image that differs from every other in content (so swapped records are caught). */
    private static Path picture(Path dir, int i) throws Exception {
        byte[] rgb = new byte[20 * 24 * 3];
        for (int p = 0; p < rgb.length; p += 3) {
            int x = (p / 3) % 24;
            int y = (p / 3) / 24;
            rgb[p] = (byte) (37 * i + 5 * x);
            rgb[p + 1] = (byte) (11 * i * y + 3 * x);
            rgb[p + 2] = (byte) (200 - 13 * i);
        }
        Path file = dir.resolve(String.format("img%02d.png", i));
        ImageFiles.writePng(file, new DecodedImage(rgb, 24, 20, null));
        return file;
    }

    private static Process writer(Path cache, Path barrier, String name, int writers, List<Path> images, Path log)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "-Xmx1g", "-Dai.djl.offline=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", CacheWriterMain.class.getName(),
                cache.toString(), barrier.toString(), name, Integer.toString(writers)));
        for (Path p : images) command.add(p.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void twoWriterProcessesAtOnceKeepEveryImageAndItsOwnFeatures() throws Exception {
        Path images = Files.createDirectories(tmp.resolve("images"));
        List<Path> all = new ArrayList<>();
        for (int i = 0; i < 18; i++) all.add(picture(images, i));
        List<Path> first = all.subList(0, 12);                  // overlapping sets: 6..11 in both
        List<Path> second = all.subList(6, 18);
        Path cache = tmp.resolve("cache");
        Path barrier = Files.createDirectories(tmp.resolve("barrier"));

        Process a = writer(cache, barrier, "a", 2, first, tmp.resolve("a.log"));
        Process b = writer(cache, barrier, "b", 2, second, tmp.resolve("b.log"));
        assertTrue(a.waitFor(180, TimeUnit.SECONDS) && b.waitFor(180, TimeUnit.SECONDS), "writers finished");
        String logs = "a: " + Files.readString(tmp.resolve("a.log")) + "\nb: " + Files.readString(tmp.resolve("b.log"));
        assertEquals(0, a.exitValue(), logs);
        assertEquals(0, b.exitValue(), logs);

        try (NativeVgg fx = NativeVgg.random(FeatureCacheTest.TINY, Device.cpu(), 3); NDManager m = NDManager.newBaseManager()) {
            FeatureCache reader = FeatureCache.open(cache, fx, FeatureCacheTest.OPTIONS);
            assertEquals(18, reader.size(), "entries of both writers are in the index; " + logs);
            for (Path p : all) {
                assertTrue(reader.contains(p), p + " cached; " + logs);
                float[] fresh = fx.extract(fx.preprocess().toNDArray(new ImageDecoder().decode(p), m).expandDims(0))
                        .grid().toFloatArray();
                assertArrayEquals(fresh, reader.gridArray(p), 1e-4f, "features of " + p + "; " + logs);
            }
            // nothing left to do for a third writer: all of it is reused
            assertEquals(new FeatureCache.EnsureResult(18, 0, 0), reader.ensure(all, line -> { }));
        }
    }

    @Test
    void aSecondWriterWaitsSaysSoAndReusesTheFirstWritersFeatures() throws Exception {
        Path images = Files.createDirectories(tmp.resolve("images"));
        List<Path> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) all.add(picture(images, i));
        try (NativeVgg fx = NativeVgg.random(FeatureCacheTest.TINY, Device.cpu(), 3)) {
            FeatureCache one = FeatureCache.open(tmp.resolve("cache"), fx, FeatureCacheTest.OPTIONS);
            FeatureCache two = FeatureCache.open(tmp.resolve("cache"), fx, FeatureCacheTest.OPTIONS);
            List<String> notices = new ArrayList<>();
            AtomicReference<FeatureCache.EnsureResult> second = new AtomicReference<>();
            CountDownLatch started = new CountDownLatch(1);
            Thread waiter;
            try (WriterLock held = WriterLock.acquire(one.directory(), line -> { })) {
                waiter = new Thread(() -> {
                    started.countDown();
                    try {
                        second.set(two.ensure(all, line -> { }, n -> { }, notices::add));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                waiter.start();
                started.await();
                Thread.sleep(300);
                assertEquals(null, second.get(), "the second writer waits while the lock is held");
                // the holder writes meanwhile (as another process would)
                assertEquals(new FeatureCache.EnsureResult(0, 4, 0), extractHolding(one, all));
            }
            waiter.join(30_000);
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).contains("another writer") && notices.get(0).contains("waiting"), notices.get(0));
            assertEquals(new FeatureCache.EnsureResult(4, 0, 0), second.get(), "re-read the index under the lock");
        }
    }

    /** ensure() on the thread that already holds the directory's lock (the in-process lock is reentrant). */
    private static FeatureCache.EnsureResult extractHolding(FeatureCache cache, List<Path> images) throws Exception {
        return cache.ensure(images, line -> { }, n -> { }, line -> { });
    }
}
