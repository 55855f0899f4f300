package dev.vlsuite.shared.vision;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The one-writer-per-directory rule of {@link FeatureCache}, enforced: an OS lock on {@code dir/.lock}
 * between processes (two {@code caption features} or two trainings sharing --cache), and a Java lock
 * between threads of one process (the OS lock belongs to the process, so a second FileChannel.lock here
 * would throw instead of waiting). The lock file is never deleted: deleting it would let a later writer
 * lock a new file while an earlier one still holds the old.
 */
final class WriterLock implements AutoCloseable {
    static final String FILE = ".lock";
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Blocks until this is the only writer of {@code dir}; says once on {@code onWait} when it has to wait. */
    static WriterLock acquire(Path dir, Consumer<String> onWait) throws IOException {
        Files.createDirectories(dir);
        Path key = dir.toRealPath();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        boolean said = false;
        if (!local.tryLock()) {
            onWait.accept(waiting(key));
            said = true;
            local.lock();
        }
        if (local.getHoldCount() > 1) return new WriterLock(local, null, null);   // this thread holds the OS lock already
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                if (!said) onWait.accept(waiting(key));
                lock = channel.lock();
            }
            return new WriterLock(local, channel, lock);
        } catch (IOException | RuntimeException | Error e) {
            if (channel != null) channel.close();
            local.unlock();
            throw e;
        }
    }

    private static String waiting(Path dir) {
        return "feature cache " + dir + ": another writer is extracting into it; waiting for it to finish"
                + " (its features will be reused)";
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock != null) lock.release();
            if (channel != null) channel.close();
        } finally {
            local.unlock();
        }
    }
}
