package dev.vlsuite.captioning.api;

import dev.vlsuite.shared.image.BadImageException;
import dev.vlsuite.shared.image.ImageDecoder;
import dev.vlsuite.shared.image.Preprocess;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Decodes and preprocesses images on worker threads, a bounded window ahead of the caller (the CNN and
 * the decoder), handing them out in input order.
 */
final class DecodeAhead implements AutoCloseable {

    /** A preprocessed image (chw set) or the reason it could not be used (error set). */
    record Item(Path file, float[] chw, String error) {}

    private final ExecutorService pool;
    private final Iterator<Path> inputs;
    private final ArrayDeque<Future<Item>> window = new ArrayDeque<>();
    private final int ahead;
    private final ImageDecoder decoder;
    private final Preprocess preprocess;

    DecodeAhead(List<Path> images, ImageDecoder decoder, Preprocess preprocess, int threads, int ahead) {
        this.inputs = images.iterator();
        this.decoder = decoder;
        this.preprocess = preprocess;
        this.ahead = Math.max(1, ahead);
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "vlsuite-caption-decode");
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
            return new Item(p, preprocess.toChw(decoder.decode(p)), null);
        } catch (BadImageException e) {
            return new Item(p, null, e.reason());
        } catch (OutOfMemoryError e) {
            return new Item(p, null, "out of memory while decoding");
        } catch (RuntimeException e) {
            return new Item(p, null, "cannot decode (" + e.getMessage() + ")");
        }
    }

    boolean hasNext() {
        return !window.isEmpty();
    }

    /** The next image in input order; waits for its worker. */
    Item next() throws InterruptedException {
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
