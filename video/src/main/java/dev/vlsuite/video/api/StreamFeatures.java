package dev.vlsuite.video.api;

import dev.vlsuite.shared.video.Sampling;
import dev.vlsuite.video.model.Streams;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A video's input to a model of given {@link Streams}: the frames' features, the frame differences', or [frames |
 * frame differences] per frame. Each stream is cached on its own in the {@link FeatureStore} (the frames under {@link FrameFeatures#key},
 * the differences under {@link FrameFeatures#diffKey}), so an rgb cache serves a later rgb+diff run, and a miss
 * decodes the file once for both.
 */
public final class StreamFeatures {
    private final FrameFeatures frames;
    private final Streams streams;
    private final FeatureStore store;

    /** @param store null: no cache */
    public StreamFeatures(FrameFeatures frames, Streams streams, FeatureStore store) {
        this.frames = frames;
        this.streams = streams;
        this.store = store;
    }

    /** Values per frame over all streams. */
    public int featureSize() {
        return streams.count() * frames.featureSize();
    }

    /** True when every stream of {@code video} is in the store. */
    public boolean cached(Path video, Sampling sampling) throws IOException {
        if (store == null) return false;
        if (streams == Streams.DIFF) return store.has(video, frames.diffKey(sampling));
        if (!store.has(video, frames.key(sampling))) return false;
        return streams == Streams.RGB || store.has(video, frames.diffKey(sampling));
    }

    /** @throws dev.vlsuite.shared.video.BadVideoException one line naming the file and the reason */
    public VideoFeatures read(Path video, Sampling sampling) throws IOException {
        if (streams == Streams.RGB) {
            return store == null ? frames.read(video, sampling) : store.get(video, frames.key(sampling), v -> frames.read(v, sampling));
        }
        String rgbKey = frames.key(sampling), diffKey = frames.diffKey(sampling);
        VideoFeatures rgb = store == null ? null : store.lookup(video, rgbKey);
        VideoFeatures diff = store == null ? null : store.lookup(video, diffKey);
        if (streams == Streams.DIFF && diff != null) return diff;
        if (rgb == null || diff == null) {
            VideoFeatures[] both = frames.readStreams(video, sampling, true);
            rgb = both[0];
            diff = both[1];
            if (store != null) {
                store.put(video, rgbKey, rgb);
                store.put(video, diffKey, diff);
            }
        }
        return streams == Streams.DIFF ? diff : rgb.besides(diff);
    }
}
