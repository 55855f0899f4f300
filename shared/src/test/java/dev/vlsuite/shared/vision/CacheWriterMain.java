package dev.vlsuite.shared.vision;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A feature-cache writer process for {@link FeatureCacheConcurrencyTest}: opens the cache (reading its
 * index), waits at a start barrier until every writer has opened it, then extracts its images.
 * Args: cacheRoot barrierDir writerName writers image...
 */
public final class CacheWriterMain {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path barrier = Path.of(args[1]);
        String name = args[2];
        int writers = Integer.parseInt(args[3]);
        List<Path> images = new ArrayList<>();
        for (int i = 4; i < args.length; i++) images.add(Path.of(args[i]));
        try (NativeVgg fx = NativeVgg.random(FeatureCacheTest.TINY, Device.cpu(), 3)) {
            FeatureCache cache = FeatureCache.open(root, fx, FeatureCacheTest.OPTIONS);
            Files.createFile(barrier.resolve(name));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (countFiles(barrier) < writers && System.nanoTime() < deadline) Thread.sleep(5);
            FeatureCache.EnsureResult r = cache.ensure(images, line -> System.out.println("bad: " + line), n -> { },
                    line -> System.out.println("notice: " + line));
            System.out.println(name + " " + r);
        }
    }

    private static long countFiles(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }
}
