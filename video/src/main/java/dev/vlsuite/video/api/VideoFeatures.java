package dev.vlsuite.video.api;

/**
 * One video's per-frame feature vectors, as a video model reads them.
 *
 * @param data        frames x featureSize floats, frame-major
 * @param frames      number of sampled frames
 * @param featureSize values per frame
 * @param note        one line when the file was truncated ("truncated: 5 frames decoded, ..."), else null
 */
public record VideoFeatures(float[] data, int frames, int featureSize, String note) {
    public VideoFeatures {
        if (frames < 1 || data.length != frames * featureSize) {
            throw new IllegalArgumentException("need frames x featureSize values: " + frames + " x " + featureSize + " != " + data.length);
        }
    }

    /** Exactly {@code n} frames: the last frame repeated (a truncated file), or the first n. */
    public VideoFeatures toFrames(int n) {
        if (n == frames) return this;
        float[] out = new float[n * featureSize];
        for (int f = 0; f < n; f++) System.arraycopy(data, Math.min(f, frames - 1) * featureSize, out, f * featureSize, featureSize);
        return new VideoFeatures(out, n, featureSize, note);
    }

    /** The middle frame repeated n times: what a single-frame model sees (the baseline that cannot know direction). */
    public VideoFeatures middleFrameOnly(int n) {
        float[] out = new float[n * featureSize];
        int mid = frames / 2;
        for (int f = 0; f < n; f++) System.arraycopy(data, mid * featureSize, out, f * featureSize, featureSize);
        return new VideoFeatures(out, n, featureSize, note);
    }

    /** Each frame's vector followed by {@code other}'s vector of the same frame: (N, F + F'). */
    public VideoFeatures besides(VideoFeatures other) {
        if (other.frames != frames) throw new IllegalArgumentException("streams of one video need equal frames: " + frames + " != " + other.frames);
        int width = featureSize + other.featureSize;
        float[] out = new float[frames * width];
        for (int f = 0; f < frames; f++) {
            System.arraycopy(data, f * featureSize, out, f * width, featureSize);
            System.arraycopy(other.data, f * other.featureSize, out, f * width + featureSize, other.featureSize);
        }
        return new VideoFeatures(out, frames, width, note);
    }

    /** Stream {@code i} of {@code count} equal streams side by side (the inverse of {@link #besides}). */
    public VideoFeatures stream(int i, int count) {
        if (count == 1) return this;
        int width = featureSize / count;
        float[] out = new float[frames * width];
        for (int f = 0; f < frames; f++) System.arraycopy(data, f * featureSize + i * width, out, f * width, width);
        return new VideoFeatures(out, frames, width, note);
    }
}
