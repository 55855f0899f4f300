package dev.vlsuite.shared.image;

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
    private final ArrayDeque<Future<Item>> window = new ArrayDeque<>();
    private final int ahead;
    private final ImageDecoder decoder;
    private final Preprocess preprocess;

    /**
     * @param threads decoding threads
     * @param ahead   how many images may be decoded ahead of the consumer (bounds memory)
     */
    public DecodePipeline(List<Path> images, ImageDecoder decoder, Preprocess preprocess, int threads, int ahead) {
        this.inputs = images.iterator();
        this.decoder = decoder;
        this.preprocess = preprocess;
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
            window.add(pool.submit(() -> load(p)));
        }
    }

    private Item load(Path p) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class);
            float[] chw = preprocess.toChw(decoder.decode(p));
            return new Item(p, attrs.size(), attrs.lastModifiedTime().toMillis(), chw, null);
        } catch (BadImageException e) {
            return new Item(p, 0, 0, null, e.reason());
        } catch (java.nio.file.NoSuchFileException e) {
            return new Item(p, 0, 0, null, "no such file");
        } catch (OutOfMemoryError e) {
            return new Item(p, 0, 0, null, "out of memory while decoding");
        } catch (Exception e) {
            return new Item(p, 0, 0, null, "cannot decode (" + e + ")");
        }
    }

    public boolean hasNext() {
        return !window.isEmpty();
    }

    /** The next image in input order; blocks until its worker is done. */
    public Item next() throws InterruptedException {
        Future<Item> f = window.poll();
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            refill();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
