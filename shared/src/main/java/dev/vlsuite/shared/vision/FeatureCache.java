package dev.vlsuite.shared.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.vlsuite.shared.image.ImageBatch;
import dev.vlsuite.shared.image.DecodePipeline;
import dev.vlsuite.shared.image.ImageDecoder;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * CNN features of image files, extracted once and kept on disk for every later training run.
 *
 * <p>Layout: {@code dir/<backbone id>/index.json} plus segment files {@code seg-NNNNNN.bin} of
 * fixed-size little-endian float32 records [grid L*D | pooled D | fc7 F], read through memory maps.
 * An image's features are valid while its absolute path, size and mtime match the index, and the
 * backbone id (which includes a weights fingerprint) selects the directory. Each segment is written
 * to a temp file and renamed, then the index is rewritten atomically, so an interrupted run keeps
 * everything finished before it and never exposes a half-written record.
 *
 * <p>One writer per directory at a time, enforced: {@link #ensure} holds {@link WriterLock} (an OS file
 * lock, so two processes sharing a cache take turns; the second says it waits) and re-reads the index
 * under it, so the second writer keeps the first's entries and extracts only what is still missing.
 * Segment numbers are never reused (the index remembers the next one), so a reader holding an older
 * index can never map another image's records. Readers take no lock; reads are thread-safe.
 */
public final class FeatureCache implements AutoCloseable {
    private static final String INDEX = "index.json";

    private final Path dir;
    private final FeatureExtractor fx;
    private final CacheOptions options;
    private final int locations;
    private final int channels;
    private final int fc7Size;
    private final int recordFloats;
    private final int slotsPerSegment;
    private final Map<String, CacheIndex.Entry> entries = new ConcurrentHashMap<>();
    private final Map<Integer, FloatBuffer> segments = new ConcurrentHashMap<>();
    /** The next unused segment number as far as this instance knows (the index's and the folder's max + 1). */
    private int nextSegment = 1;

    private FeatureCache(Path dir, FeatureExtractor fx, CacheOptions options) {
        this.dir = dir;
        this.fx = fx;
        this.options = options;
        this.locations = fx.gridSide() * fx.gridSide();
        this.channels = fx.channels();
        this.fc7Size = fx.fc7Size();
        this.recordFloats = locations * channels + channels + fc7Size;
        this.slotsPerSegment = (int) Math.max(1, options.segmentBytes() / (4L * recordFloats));
    }

    public static FeatureCache open(Path root, FeatureExtractor fx) throws IOException {
        return open(root, fx, CacheOptions.defaults());
    }

    /** Opens (or creates) the cache of {@code fx}'s features under {@code root}. */
    public static FeatureCache open(Path root, FeatureExtractor fx, CacheOptions options) throws IOException {
        FeatureCache cache = new FeatureCache(root.resolve(directoryName(fx.id())), fx, options);
        cache.loadIndex();
        return cache;
    }

    /** A readable, filesystem-safe directory name that is unique per backbone id. */
    static String directoryName(String id) {
        String readable = id.replaceAll("[^A-Za-z0-9._-]+", "_");
        if (readable.length() > 80) readable = readable.substring(0, 80);
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(h).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads index.json (if any) into {@link #entries}: what is on disk replaces what this instance had. */
    private void loadIndex() throws IOException {
        Path index = dir.resolve(INDEX);
        if (!Files.exists(index)) return;
        CacheIndex idx;
        try {
            idx = Json.MAPPER.readValue(index.toFile(), CacheIndex.class);
        } catch (IOException e) {
            throw new IOException(index + ": unreadable feature cache index (" + e.getMessage() + "); delete the directory to rebuild it");
        }
        if (!fx.id().equals(idx.backboneId()) || idx.locations() != locations || idx.channels() != channels
                || idx.fc7Size() != fc7Size) {
            return;   // another layout under a colliding name: start afresh, old segments are replaced
        }
        nextSegment = Math.max(nextSegment, idx.nextSegment());
        entries.clear();
        for (CacheIndex.Entry e : idx.entries()) {
            entries.put(e.path(), e);
            nextSegment = Math.max(nextSegment, e.segment() + 1);
        }
    }

    /** The directory holding this backbone's features. */
    public Path directory() {
        return dir;
    }

    public FeatureExtractor extractor() {
        return fx;
    }

    private static String key(Path image) {
        return image.toAbsolutePath().normalize().toString();
    }

    /** True when features for this file, at its current size and mtime, are cached. */
    public boolean contains(Path image) {
        CacheIndex.Entry e = entries.get(key(image));
        if (e == null) return false;
        try {
            BasicFileAttributes a = Files.readAttributes(image, BasicFileAttributes.class);
            return a.size() == e.size() && a.lastModifiedTime().toMillis() == e.mtimeMillis();
        } catch (IOException missing) {
            return false;
        }
    }

    /** Number of images in the index (including ones whose file has changed since). */
    public int size() {
        return entries.size();
    }

    public record EnsureResult(int alreadyCached, int extracted, int failed) {}

    public EnsureResult ensure(List<Path> images, Consumer<String> onBadFile) throws IOException {
        return ensure(images, onBadFile, done -> { });
    }

    /**
     * Extracts features for every image not cached yet (or changed since). Bad files are reported
     * to {@code onBadFile} as one line "file: reason" and skipped. {@code progress} gets the count of
     * images handled so far (cached ones count at once).
     */
    public EnsureResult ensure(List<Path> images, Consumer<String> onBadFile, IntConsumer progress) throws IOException {
        return ensure(images, onBadFile, progress, System.err::println);
    }

    /**
     * {@link #ensure(List, Consumer, IntConsumer)}, with {@code onNotice} getting the one line said when
     * another writer (another process) holds the cache and this one waits for it.
     */
    public EnsureResult ensure(List<Path> images, Consumer<String> onBadFile, IntConsumer progress,
                               Consumer<String> onNotice) throws IOException {
        Set<Path> unique = new LinkedHashSet<>();
        for (Path p : images) unique.add(p.toAbsolutePath().normalize());
        if (missing(unique).isEmpty()) {       // everything cached: a reader, no lock needed
            progress.accept(unique.size());
            return new EnsureResult(unique.size(), 0, 0);
        }
        try (WriterLock lock = WriterLock.acquire(dir, onNotice)) {
            loadIndex();                       // another writer may have added (or replaced) entries meanwhile
            return extractMissing(unique, onBadFile, progress);
        }
    }

    private List<Path> missing(Set<Path> images) {
        List<Path> todo = new ArrayList<>();
        for (Path p : images) if (!contains(p)) todo.add(p);
        return todo;
    }

    /** Runs under the writer lock. */
    private EnsureResult extractMissing(Set<Path> unique, Consumer<String> onBadFile, IntConsumer progress) throws IOException {
        List<Path> todo = missing(unique);
        int cached = unique.size() - todo.size();
        progress.accept(cached);
        if (todo.isEmpty()) return new EnsureResult(cached, 0, 0);
        int[] counts = new int[3];   // extracted, failed, handled
        counts[2] = cached;
        int ahead = options.batchSize() * 2 + options.decodeThreads();
        try (DecodePipeline pipeline = new DecodePipeline(todo, new ImageDecoder(options.decode()),
                fx.preprocess(), options.decodeThreads(), ahead)) {
            while (pipeline.hasNext()) {
                int segment = nextSegmentNumber();
                Path segFile = dir.resolve(String.format("seg-%06d.bin", segment));
                List<CacheIndex.Entry> added = new ArrayList<>();
                AtomicFiles.write(segFile, out -> fillSegment(out, pipeline, segment, added, counts, onBadFile, progress));
                if (added.isEmpty()) {
                    Files.deleteIfExists(segFile);
                } else {
                    for (CacheIndex.Entry e : added) entries.put(e.path(), e);
                    writeIndex();
                }
            }
        }
        return new EnsureResult(cached, counts[0], counts[1]);
    }

    /** A number no segment file, index entry or earlier writer has used (called under the writer lock). */
    private int nextSegmentNumber() throws IOException {
        int max = nextSegment - 1;
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String n = f.getFileName().toString();
                    if (n.matches("seg-\\d{6}\\.bin")) max = Math.max(max, Integer.parseInt(n.substring(4, 10)));
                }
            }
        }
        nextSegment = max + 2;
        return max + 1;
    }

    /** Pulls decoded images, runs the CNN per batch and appends records until the segment is full. */
    private void fillSegment(OutputStream out, DecodePipeline pipeline, int segment, List<CacheIndex.Entry> added,
                             int[] counts, Consumer<String> onBadFile, IntConsumer progress) throws IOException {
        try {
            while (pipeline.hasNext() && added.size() < slotsPerSegment) {
                int room = Math.min(options.batchSize(), slotsPerSegment - added.size());
                List<DecodePipeline.Item> batch = new ArrayList<>();
                while (batch.size() < room && pipeline.hasNext()) {
                    DecodePipeline.Item item = pipeline.next();
                    if (item.chw() == null) {
                        counts[1]++;
                        counts[2]++;
                        onBadFile.accept(item.errorLine());
                        progress.accept(counts[2]);
                    } else {
                        batch.add(item);
                    }
                }
                if (batch.isEmpty()) continue;
                byte[] records = extract(batch);
                out.write(records);
                for (DecodePipeline.Item item : batch) {
                    added.add(new CacheIndex.Entry(item.path().toString(), item.size(), item.mtimeMillis(), segment, added.size()));
                }
                counts[0] += batch.size();
                counts[2] += batch.size();
                progress.accept(counts[2]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("feature extraction interrupted", e);
        }
    }

    /** One CNN call; returns the batch's records as little-endian bytes. */
    private byte[] extract(List<DecodePipeline.Item> batch) {
        ImageBatch pixels = new ImageBatch(fx.inputSize());
        for (DecodePipeline.Item item : batch) pixels.add(item.chw());
        try (NDManager m = NDManager.newBaseManager(); Features f = fx.extract(pixels.toNDArray(m))) {
            float[] grid = f.grid().toFloatArray();                          // (B, L, D)
            float[] pooled = f.pooled().toFloatArray();                      // (B, D)
            float[] fc7 = fc7Size > 0 ? f.fc7().toFloatArray() : null;      // (B, F)
            ByteBuffer buf = ByteBuffer.allocate(4 * recordFloats * batch.size()).order(ByteOrder.LITTLE_ENDIAN);
            FloatBuffer fb = buf.asFloatBuffer();
            int g = locations * channels;
            for (int i = 0; i < batch.size(); i++) {
                fb.put(grid, i * g, g).put(pooled, i * channels, channels);
                if (fc7 != null) fb.put(fc7, i * fc7Size, fc7Size);
            }
            return buf.array();
        }
    }

    private void writeIndex() throws IOException {
        List<CacheIndex.Entry> list = new ArrayList<>(entries.values());
        list.sort((a, b) -> a.segment() != b.segment() ? Integer.compare(a.segment(), b.segment()) : Integer.compare(a.slot(), b.slot()));
        CacheIndex idx = new CacheIndex(fx.id(), locations, channels, fc7Size, nextSegment, list);
        AtomicFiles.write(dir.resolve(INDEX), out -> Json.MAPPER.writeValue(out, idx));
        deleteUnreferencedSegments(list);
    }

    /** Segments whose every image was re-extracted elsewhere are dead weight. */
    private void deleteUnreferencedSegments(List<CacheIndex.Entry> live) throws IOException {
        Set<Integer> used = new java.util.HashSet<>();
        for (CacheIndex.Entry e : live) used.add(e.segment());
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                if (n.matches("seg-\\d{6}\\.bin") && !used.contains(Integer.parseInt(n.substring(4, 10)))) {
                    segments.remove(Integer.parseInt(n.substring(4, 10)));
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private FloatBuffer segment(int number) {
        return segments.computeIfAbsent(number, n -> {
            Path file = dir.resolve(String.format("seg-%06d.bin", n));
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            } catch (IOException e) {
                throw new IllegalStateException(file + ": cannot map feature segment (" + e.getMessage() + ")", e);
            }
        });
    }

    /** Copies floats [offset, offset+n) of the image's record. */
    private float[] read(Path image, int offset, int n) {
        if (!contains(image)) throw new NoSuchElementException(image + ": no cached features (run ensure first, or the file changed)");
        CacheIndex.Entry e = entries.get(key(image));
        float[] out = new float[n];
        segment(e.segment()).get((int) ((long) e.slot() * recordFloats + offset), out);   // absolute get: thread-safe
        return out;
    }

    /** The (L*D) grid, row-major by location. */
    public float[] gridArray(Path image) {
        return read(image, 0, locations * channels);
    }

    /** (L, D) grid features of one image. */
    public NDArray grid(Path image, NDManager manager) {
        return manager.create(gridArray(image), new Shape(locations, channels));
    }

    /** (D) mean-pooled features of one image. */
    public NDArray pooled(Path image, NDManager manager) {
        return manager.create(read(image, locations * channels, channels), new Shape(channels));
    }

    /** (F) fc7 features of one image; only for backbones that have fc7. */
    public NDArray fc7(Path image, NDManager manager) {
        if (fc7Size == 0) throw new IllegalStateException(fx.id() + " has no fc7 layer");
        return manager.create(read(image, locations * channels + channels, fc7Size), new Shape(fc7Size));
    }

    /** (B, L, D) grids of several images, in order: what a training batch needs. */
    public NDArray grids(List<Path> images, NDManager manager) {
        int g = locations * channels;
        float[] all = new float[images.size() * g];
        for (int i = 0; i < images.size(); i++) System.arraycopy(gridArray(images.get(i)), 0, all, i * g, g);
        return manager.create(all, new Shape(images.size(), locations, channels));
    }

    /** Drops the memory maps (the OS unmaps them once they are collected); the extractor stays open. */
    @Override
    public void close() {
        segments.clear();
    }
}
