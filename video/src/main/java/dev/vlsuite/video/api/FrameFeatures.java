package dev.vlsuite.video.api;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.shared.image.ImageBatch;
import dev.vlsuite.shared.image.Preprocess;
import dev.vlsuite.shared.video.FrameReader;
import dev.vlsuite.shared.video.ReadSummary;
import dev.vlsuite.shared.video.Sampling;
import dev.vlsuite.shared.vision.Backbones;
import dev.vlsuite.shared.vision.FeatureExtractor;
import dev.vlsuite.shared.vision.Features;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Video file -> per-frame feature vectors: shared.video FrameReader samples the frames, shared.image Preprocess
 * prepares them, the shared.vision backbone runs on small batches as frames arrive (memory stays flat), and each
 * frame becomes VGG-16's fc7 (4096, as S2VT) or, for a conv-only backbone, its grid pooled to a coarse
 * {@link SpatialPooling spatial map}. Not thread-safe (one per thread, or synchronise).
 */
public final class FrameFeatures implements AutoCloseable {
    /** Side of the spatial map for conv-only backbones: 4x4 keeps a shape's position to a quarter of the frame. */
    public static final int DEFAULT_SPATIAL_SIDE = 4;
    private static final int BATCH = 8;

    private final FeatureExtractor fx;
    private final boolean ownsExtractor;
    private final int spatialSide;
    private final NDManager manager;
    private final Preprocess preprocess;

    /**
     * @param spatialSide S of the S x S map for backbones without fc7; 0 takes fc7 (an error when the backbone has none)
     */
    public FrameFeatures(FeatureExtractor fx, int spatialSide, Device device) {
        this(fx, false, spatialSide, device);
    }

    private FrameFeatures(FeatureExtractor fx, boolean owns, int spatialSide, Device device) {
        if (spatialSide == 0 && fx.fc7Size() == 0) {
            throw new IllegalArgumentException("backbone " + fx.id() + " has no fc7: give a spatial map side (e.g. 4)");
        }
        this.fx = fx;
        this.ownsExtractor = owns;
        this.spatialSide = spatialSide;
        this.manager = NDManager.newBaseManager(device);
        this.preprocess = fx.preprocess();
    }

    /** Opens {@code backbone} (Backbones.open); fc7 when it has one, else the 4x4 map. */
    public static FrameFeatures open(String backbone, Device device) throws IOException {
        return open(backbone, 0, -1, device);
    }

    /**
     * @param imageSize   square side frames are prepared at (0: the backbone's own); vgg-small at 64 gives a 4x4 grid
     * @param spatialSide -1: fc7 when the backbone has one, else {@value #DEFAULT_SPATIAL_SIDE}
     */
    public static FrameFeatures open(String backbone, int imageSize, int spatialSide, Device device) throws IOException {
        FeatureExtractor fx = Backbones.open(backbone, device, imageSize);
        try {
            int side = spatialSide >= 0 ? spatialSide : fx.fc7Size() > 0 ? 0 : DEFAULT_SPATIAL_SIDE;
            return new FrameFeatures(fx, true, side, device);
        } catch (RuntimeException e) {
            fx.close();
            throw e;
        }
    }

    /** Values per frame. */
    public int featureSize() {
        return spatialSide == 0 ? fx.fc7Size() : spatialSide * spatialSide * fx.channels();
    }

    public int spatialSide() {
        return spatialSide;
    }

    /** The square side frames are prepared at. */
    public int imageSize() {
        return preprocess.size();
    }

    /** What the features depend on besides the file: backbone id (with its weights' fingerprint), sampling, map. */
    public String key(Sampling sampling) {
        return fx.id() + "|" + sampling.key() + "|" + (spatialSide == 0 ? "fc7" : "map" + spatialSide);
    }

    /** The key of the motion stream's features: the frames' key and the difference rule. */
    public String diffKey(Sampling sampling) {
        return key(sampling) + "|diff1";
    }

    /**
     * Reads and reduces one video.
     *
     * @throws dev.vlsuite.shared.video.BadVideoException one line naming the file and the reason
     */
    public VideoFeatures read(Path video, Sampling sampling) throws IOException {
        return readStreams(video, sampling, false)[0];
    }

    /**
     * Reads one video once and reduces its frames and, with {@code diff}, the differences of consecutive sampled
     * frames (prepared pixels x_i - x_(i-1), through the same backbone and pooling: the motion stream). Frame i's
     * difference is d_i = x_i - x_(i-1), and d_0 = d_1 so that both streams have a vector per frame (a one-frame
     * video's difference is zero: nothing moved that it shows).
     *
     * @return {frames} or {frames, differences}, each with one vector per decoded frame
     */
    public VideoFeatures[] readStreams(Path video, Sampling sampling, boolean diff) throws IOException {
        List<float[]> pending = new ArrayList<>(BATCH), pendingDiff = new ArrayList<>(BATCH);
        List<float[]> vectors = new ArrayList<>(), diffs = new ArrayList<>();
        float[][] previous = {null};
        FrameReader reader = new FrameReader(preprocess.size()); // Preprocess shrinks to this anyway: decode small
        ReadSummary summary = reader.read(video, sampling, frame -> {
            float[] chw = preprocess.toChw(frame.image());
            pending.add(chw);
            if (pending.size() == BATCH) flush(pending, vectors);
            if (diff) {
                if (previous[0] != null) {
                    float[] d = new float[chw.length];
                    for (int i = 0; i < d.length; i++) d[i] = chw[i] - previous[0][i];
                    pendingDiff.add(d);
                    if (pendingDiff.size() == BATCH) flush(pendingDiff, diffs);
                }
                previous[0] = chw;
            }
        });
        flush(pending, vectors);
        String note = summary.truncated() ? summary.note() : null;
        VideoFeatures frames = stack(vectors, note);
        if (!diff) return new VideoFeatures[] {frames};
        if (vectors.size() == 1) pendingDiff.add(new float[previous[0].length]);
        flush(pendingDiff, diffs);
        diffs.add(0, diffs.get(0));
        return new VideoFeatures[] {frames, stack(diffs, note)};
    }

    private VideoFeatures stack(List<float[]> vectors, String note) {
        int size = featureSize();
        float[] data = new float[vectors.size() * size];
        for (int i = 0; i < vectors.size(); i++) System.arraycopy(vectors.get(i), 0, data, i * size, size);
        return new VideoFeatures(data, vectors.size(), size, note);
    }

    private void flush(List<float[]> pending, List<float[]> vectors) {
        if (pending.isEmpty()) return;
        int n = pending.size();
        try (NDManager scope = manager.newSubManager()) {
            ImageBatch batch = new ImageBatch(preprocess.size());
            for (float[] chw : pending) batch.add(chw);
            NDArray pixels = batch.toNDArray(scope);                                        // (n, 3, S, S)
            Features f = fx.extract(pixels);
            int size = featureSize();
            if (spatialSide == 0) {
                float[] fc7 = f.fc7().toFloatArray();                                       // (n, 4096)
                for (int i = 0; i < n; i++) {
                    float[] v = new float[size];
                    System.arraycopy(fc7, i * size, v, 0, size);
                    vectors.add(v);
                }
            } else {
                float[] grid = f.grid().toFloatArray();                                     // (n, G*G, D)
                int side = fx.gridSide(), d = fx.channels(), per = side * side * d;
                for (int i = 0; i < n; i++) {
                    float[] v = new float[size];
                    SpatialPooling.pool(grid, i * per, side, d, spatialSide, v, 0);          // (S*S*D)
                    vectors.add(v);
                }
            }
            f.close();
        }
        pending.clear();
    }

    @Override
    public void close() {
        manager.close();
        if (ownsExtractor) fx.close();
    }
}
