package dev.vlsuite.assets.world;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates scenes deterministically: scene {@code i} of seed {@code s} depends only on (s, i, size,
 * options), so the first 10 scenes of a 50-scene run equal a 10-scene run with the same seed.
 *
 * <p>Layout (fractions of the canvas side): one object sits near the middle (centre 0.5 +- 0.1);
 * two objects sit side by side or one above the other (centres 0.27 and 0.73 +- 0.03); three or four
 * take distinct cells of a 2x2 grid. Objects never overlap; kinds and colours are distinct within a scene.
 */
public final class SyntheticWorld {
    private static final double NEAR = 0.27, FAR = 0.73, JITTER = 0.03, MIDDLE_JITTER = 0.10;

    private SyntheticWorld() {}

    public static List<Scene> generate(long seed, int count, int size) {
        return generate(seed, count, size, WorldOptions.DEFAULT);
    }

    public static List<Scene> generate(long seed, int count, int size, WorldOptions options) {
        if (count < 0) throw new IllegalArgumentException("scene count must be >= 0: " + count);
        if (size < 16) throw new IllegalArgumentException("canvas size must be >= 16 pixels: " + size);
        List<Scene> scenes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) scenes.add(scene(seed, i, size, options));
        return scenes;
    }

    /** Scene number {@code index} of the run with this seed. */
    public static Scene scene(long seed, int index, int size, WorldOptions options) {
        long sceneSeed = sceneSeed(seed, index);
        SplittableRandom rng = new SplittableRandom(sceneSeed);
        int n = objectCount(rng, options);
        List<ShapeKind> kinds = pick(rng, ShapeKind.values(), n);
        List<ShapeColour> colours = pick(rng, ShapeColour.values(), n);
        double[][] centres = centres(rng, n);
        List<SceneObject> objects = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            ShapeSize s = rng.nextBoolean() ? ShapeSize.LARGE : ShapeSize.SMALL;
            objects.add(SceneObject.place(kinds.get(k), colours.get(k), s, centres[k][0] * size, centres[k][1] * size, size));
        }
        int gray = 60 + rng.nextInt(61); // 60..120: dark enough for white and yellow, light enough for blue and purple
        int noise = options.textured() && rng.nextBoolean() ? 4 + rng.nextInt(7) : 0;
        return new Scene(index, sceneSeed, size, new Background(gray, noise, rng.nextLong()), objects);
    }

    /** SplitMix64 of (seed, index): neighbouring seeds and indices give unrelated streams. */
    static long sceneSeed(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int objectCount(SplittableRandom rng, WorldOptions o) {
        int total = 0;
        for (int n = o.minObjects(); n <= o.maxObjects(); n++) total += weight(n);
        int r = rng.nextInt(total);
        for (int n = o.minObjects(); n <= o.maxObjects(); n++) {
            r -= weight(n);
            if (r < 0) return n;
        }
        return o.maxObjects();
    }

    private static int weight(int n) {
        return 5 - n; // 4:3:2:1
    }

    /** n distinct values in random order (partial Fisher-Yates). */
    private static <T> List<T> pick(SplittableRandom rng, T[] values, int n) {
        List<T> pool = new ArrayList<>(List.of(values));
        for (int i = 0; i < n; i++) {
            int j = i + rng.nextInt(pool.size() - i);
            T t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        return new ArrayList<>(pool.subList(0, n));
    }

    /** Centres as canvas fractions, one per object. */
    private static double[][] centres(SplittableRandom rng, int n) {
        if (n == 1) {
            return new double[][] {{0.5 + jitter(rng, MIDDLE_JITTER), 0.5 + jitter(rng, MIDDLE_JITTER)}};
        }
        if (n == 2) {
            boolean sideBySide = rng.nextBoolean();
            double across = 0.5 + jitter(rng, 0.08); // the shared row (or column)
            double[][] c = new double[2][];
            double[] along = rng.nextBoolean() ? new double[] {NEAR, FAR} : new double[] {FAR, NEAR};
            for (int k = 0; k < 2; k++) {
                double a = along[k] + jitter(rng, JITTER), b = across + jitter(rng, JITTER);
                c[k] = sideBySide ? new double[] {a, b} : new double[] {b, a};
            }
            return c;
        }
        List<double[]> cells = pick(rng, new double[][] {{NEAR, NEAR}, {FAR, NEAR}, {NEAR, FAR}, {FAR, FAR}}, n);
        double[][] c = new double[n][];
        for (int k = 0; k < n; k++)
            c[k] = new double[] {cells.get(k)[0] + jitter(rng, JITTER), cells.get(k)[1] + jitter(rng, JITTER)};
        return c;
    }

    private static double jitter(SplittableRandom rng, double amplitude) {
        return (rng.nextDouble() * 2 - 1) * amplitude;
    }
}
