package dev.vlsuite.shared.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Decodes and preprocesses images on worker threads, a bounded number ahead of the consumer (the
 * CNN), and hands them out in input order: a producer/consumer whose queue is the window of futures.
 * Feature extraction, captioning and fine-tuning all read pixels through it.
 *
 * <p>Only input errors become failed items: a {@link BadImageException} or an I/O error reading the file.
 * Anything else (a bug, OutOfMemoryError) is not the file's fault and stops the consumer: {@link #next}
 * throws it (an Error as itself, anything else wrapped in {@link InternalDecodeException}).
 */
public final class DecodePipeline implements AutoCloseable {

    /**
     * A decoded, preprocessed image (chw != null) or a failure (reason != null, without the file name).
     * size/mtime were read before decoding.
     */
    public record Item(Path path, long size, long mtimeMillis, float[] chw, String reason) {
        public boolean ok() {
            return chw != null;
        }

        /** "file: reason", the one line a tool prints for a bad file. */
        public String errorLine() {
            return path + ": " + reason;
        }
    }

    private final ExecutorService pool;
    private final Iterator<Path> inputs;
    private final ArrayDeque<Pending> window = new ArrayDeque<>();
    private final int ahead;
    private final Loader loader;

    /** What a worker does per file: decode and preprocess to (3, S, S) floats. */
    @FunctionalInterface
    public interface Loader {
        float[] load(Path file) throws IOException;
    }

    private record Pending(Path path, Future<Item> future) {}

    /**
     * @param threads decoding threads
     * @param ahead   how many images may be decoded ahead of the consumer (bounds memory)
     */
    public DecodePipeline(List<Path> images, ImageDecoder decoder, Preprocess preprocess, int threads, int ahead) {
        this(images, file -> preprocess.toChw(decoder.decode(file)), threads, ahead);
    }

    /** A pipeline over any loader (tests inject failing ones). */
    public DecodePipeline(List<Path> images, Loader loader, int threads, int ahead) {
        this.inputs = images.iterator();
        this.loader = loader;
        this.ahead = Math.max(1, ahead);
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "vlsuite-decode");
            t.setDaemon(true);
            return t;
        });
        refill();
    }

    private void refill() {
        while (window.size() < ahead && inputs.hasNext()) {
            Path p = inputs.next();
            window.add(new Pending(p, pool.submit(() -> load(p))));
        }
    }

    /** Input errors become failed items; anything else escapes to {@link #next}. */
    private Item load(Path p) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class);
            float[] chw = loader.load(p);
            return new Item(p, attrs.size(), attrs.lastModifiedTime().toMillis(), chw, null);
        } catch (BadImageException e) {
            return new Item(p, 0, 0, null, e.reason());
        } catch (java.nio.file.NoSuchFileException e) {
            return new Item(p, 0, 0, null, "no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            return new Item(p, 0, 0, null, "permission denied");
        } catch (IOException e) {
            return new Item(p, 0, 0, null, "cannot read (" + e.getMessage() + ")");
        }
    }

    public boolean hasNext() {
        return !window.isEmpty();
    }

    /**
     * The next image in input order; blocks until its worker is done.
     *
     * @throws InternalDecodeException when decoding failed for a reason that is not the file's (a bug)
     * @throws Error                   the worker's Error itself (OutOfMemoryError...)
     */
    public Item next() throws InterruptedException {
        Pending next = window.poll();
        try {
            return next.future().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) throw error;
            throw new InternalDecodeException(next.path(), cause);
        } finally {
            refill();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
