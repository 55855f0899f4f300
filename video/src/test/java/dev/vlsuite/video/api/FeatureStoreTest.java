package dev.vlsuite.video.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureStoreTest {
    @Test
    void readsOncePerFileAndKeyAndAgainWhenTheFileChanges(@TempDir Path dir) throws Exception {
        Path video = Files.writeString(dir.resolve("a.mp4"), "x");
        FeatureStore store = new FeatureStore(dir.resolve("cache"));
        AtomicInteger reads = new AtomicInteger();
        FeatureStore.Reader reader = v -> {
            reads.incrementAndGet();
            return new VideoFeatures(new float[] {1, 2, 3, 4, 5, 6}, 2, 3, null);
        };
        VideoFeatures first = store.get(video, "k1", reader);
        VideoFeatures again = store.get(video, "k1", reader);
        assertEquals(1, reads.get());
        assertArrayEquals(first.data(), again.data());
        assertEquals(2, again.frames());
        store.get(video, "k2", reader);                                         // another sampling or backbone
        assertEquals(2, reads.get());
        Files.setLastModifiedTime(video, FileTime.fromMillis(Files.getLastModifiedTime(video).toMillis() + 5000));
        store.get(video, "k1", reader);                                         // the file changed
        assertEquals(3, reads.get());
    }

    @Test
    void truncatedReadsAreNotPinned(@TempDir Path dir) throws Exception {
        Path video = Files.writeString(dir.resolve("b.mp4"), "x");
        FeatureStore store = new FeatureStore(dir.resolve("cache"));
        AtomicInteger reads = new AtomicInteger();
        FeatureStore.Reader reader = v -> {
            reads.incrementAndGet();
            return new VideoFeatures(new float[] {1}, 1, 1, "truncated: 1 frames decoded");
        };
        store.get(video, "k", reader);
        store.get(video, "k", reader);
        assertEquals(2, reads.get());
    }
}
