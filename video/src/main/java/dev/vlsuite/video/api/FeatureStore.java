package dev.vlsuite.video.api;

import dev.vlsuite.shared.io.AtomicFiles;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Per-video frame features on disk, one small file per (video file, sampling, backbone, map):
 * {@code root/<hash of FrameFeatures.key>/<hash of absolute path, size, mtime>.f32}. A changed file (size or mtime)
 * misses and is re-read. Files are written atomically (temp + rename), so concurrent runs at worst both extract.
 *
 * <p>Why not shared.vision.FeatureCache: its records are one image per path with the backbone's fixed
 * [grid | pooled | fc7] layout, and it decodes images itself; a video has N frames per file, a sampling in its key
 * and a reduced (spatial map or fc7) vector, so a keyed file per video is the simple fit.
 */
public final class FeatureStore {
    private static final int MAGIC = 0x56464631; // "VFF1"

    private final Path root;

    public FeatureStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The cached features of {@code video}, reading and storing them on a miss. */
    public VideoFeatures get(Path video, String key, Reader reader) throws IOException {
        Path file = fileFor(video, key);
        if (Files.isRegularFile(file)) {
            VideoFeatures cached = readFile(file);
            if (cached != null) return cached;
        }
        VideoFeatures fresh = reader.read(video);
        if (fresh.note() == null) write(file, fresh); // a truncated file may still be growing: do not pin it
        return fresh;
    }

    /** The stored features of {@code video} under {@code key}, or null. */
    public VideoFeatures lookup(Path video, String key) throws IOException {
        Path file = fileFor(video, key);
        return Files.isRegularFile(file) ? readFile(file) : null;
    }

    /** Stores {@code features} of {@code video} under {@code key}; a truncated read (with a note) is not stored. */
    public void put(Path video, String key, VideoFeatures features) throws IOException {
        if (features.note() == null) write(fileFor(video, key), features);
    }

    /** True when {@code video}'s features under {@code key} are stored (for this size and mtime of the file). */
    public boolean has(Path video, String key) throws IOException {
        return Files.isRegularFile(fileFor(video, key));
    }

    @FunctionalInterface
    public interface Reader {
        VideoFeatures read(Path video) throws IOException;
    }

    Path fileFor(Path video, String key) throws IOException {
        BasicFileAttributes a = Files.readAttributes(video, BasicFileAttributes.class);
        String id = video.toAbsolutePath().normalize() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis();
        return root.resolve(hash(key).substring(0, 16)).resolve(hash(id).substring(0, 32) + ".f32");
    }

    private static VideoFeatures readFile(Path file) {
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            if (data.readInt() != MAGIC) return null;
            int frames = data.readInt(), size = data.readInt();
            byte[] bytes = data.readNBytes(4 * frames * size);
            if (bytes.length != 4L * frames * size) return null;
            float[] v = new float[frames * size];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            return new VideoFeatures(v, frames, size, null);
        } catch (IOException | RuntimeException e) {
            return null; // damaged entry: extract again
        }
    }

    private static void write(Path file, VideoFeatures f) throws IOException {
        AtomicFiles.write(file, out -> {
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(MAGIC);
            data.writeInt(f.frames());
            data.writeInt(f.featureSize());
            ByteBuffer b = ByteBuffer.allocate(4 * f.data().length).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(f.data());
            data.write(b.array());
            data.flush();
        });
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
