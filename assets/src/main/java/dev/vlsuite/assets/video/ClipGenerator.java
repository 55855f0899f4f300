package dev.vlsuite.assets.video;

import dev.vlsuite.assets.world.Background;
import dev.vlsuite.assets.world.ShapeColour;
import dev.vlsuite.assets.world.ShapeKind;
import dev.vlsuite.assets.world.ShapeSize;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates clips deterministically: clip {@code i} of seed {@code s} depends only on (s, i, options),
 * so the first clips of a long run equal a short run with the same seed.
 *
 * <p>Layout (fractions of the canvas side): a single shape that moves crosses 0.44 of the canvas
 * (0.72 to 0.28 or back) on a line near the middle; one that grows, shrinks or changes colour stays
 * near the middle. Two shapes take the top and bottom rows (centres 0.27 and 0.73) and only move
 * sideways, grow, shrink or change colour, so they never overlap; their motions differ. Kinds and
 * colours are distinct within a clip (a new colour too), so "the red circle" names one shape.
 */
public final class ClipGenerator {
    private static final double FROM = 0.72, TO = 0.28, ROW_TOP = 0.27, ROW_BOTTOM = 0.73;
    private static final long SALT = 0x71DE_0C11L;

    private ClipGenerator() {}

    /** Clip settings: canvas side, frame count and rate, most shapes per clip (1 or 2). */
    public record Options(int size, int frames, double fps, int maxObjects) {
        public static final Options DEFAULT = new Options(112, 36, 12, 2);

        public Options {
            if (size < 32 || size > 1024) throw new IllegalArgumentException("clip size must be 32-1024 pixels: " + size);
            if (frames < 2 || frames > 1000) throw new IllegalArgumentException("frames must be 2-1000: " + frames);
            if (!(fps > 0 && fps <= 120)) throw new IllegalArgumentException("fps must be in (0, 120]: " + fps);
            if (maxObjects < 1 || maxObjects > 2) throw new IllegalArgumentException("max objects must be 1 or 2: " + maxObjects);
        }
    }

    public static List<Clip> generate(long seed, int count, Options options) {
        if (count < 0) throw new IllegalArgumentException("clip count must be >= 0: " + count);
        List<Clip> clips = new ArrayList<>(count);
        for (int i = 0; i < count; i++) clips.add(clip(seed, i, options));
        return clips;
    }

    public static Clip clip(long seed, int index, Options o) {
        long clipSeed = mix(seed ^ SALT, index);
        SplittableRandom rng = new SplittableRandom(clipSeed);
        int n = o.maxObjects() == 2 && rng.nextInt(5) < 2 ? 2 : 1; // 60% one shape, 40% two
        List<ShapeKind> kinds = pick(rng, ShapeKind.values(), n);
        List<ShapeColour> colours = pick(rng, ShapeColour.values(), 2 * n); // [0, n): start colours, [n, 2n): new colours
        List<Motion> motions = n == 1 ? List.of(Motion.values()[rng.nextInt(Motion.values().length)])
                : pick(rng, new Motion[] {Motion.LEFT, Motion.RIGHT, Motion.GROW, Motion.SHRINK, Motion.RECOLOUR}, 2);
        List<MovingObject> objects = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Motion m = motions.get(k);
            ShapeSize start = m == Motion.GROW ? ShapeSize.SMALL : m == Motion.SHRINK ? ShapeSize.LARGE
                    : rng.nextBoolean() ? ShapeSize.LARGE : ShapeSize.SMALL;
            if (n == 2 && m.moves()) start = ShapeSize.SMALL; // two rows: a large mover would brush the other row
            ShapeSize end = m == Motion.GROW ? ShapeSize.LARGE : m == Motion.SHRINK ? ShapeSize.SMALL : start;
            ShapeColour endColour = m == Motion.RECOLOUR ? colours.get(n + k) : colours.get(k);
            double across = n == 1 ? 0.5 + jitter(rng, 0.08) : (k == 0 ? ROW_TOP : ROW_BOTTOM) + jitter(rng, 0.02);
            double[] path = path(m, rng, n);
            double x0, y0, x1, y1;
            if (m.vertical()) {
                x0 = x1 = across;
                y0 = path[0];
                y1 = path[1];
            } else {
                y0 = y1 = across;
                x0 = path[0];
                x1 = path[1];
            }
            int c = o.size();
            objects.add(new MovingObject(kinds.get(k), m, colours.get(k), endColour, start, end, x0 * c, y0 * c, x1 * c, y1 * c, c));
        }
        int gray = 60 + rng.nextInt(61); // as the still world: dark enough for white, light enough for blue
        return new Clip(index, clipSeed, o.size(), o.frames(), o.fps(), new Background(gray, 0, rng.nextLong()), objects);
    }

    /** Start and end coordinate along the direction of travel (or a fixed spot for shapes that stay). */
    private static double[] path(Motion m, SplittableRandom rng, int n) {
        double j = jitter(rng, 0.03);
        return switch (m) {
            case LEFT, UP -> new double[] {FROM + j, TO + j};
            case RIGHT, DOWN -> new double[] {TO + j, FROM + j};
            default -> {
                double at = 0.5 + jitter(rng, n == 1 ? 0.08 : 0.15);
                yield new double[] {at, at};
            }
        };
    }

    private static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

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

    private static double jitter(SplittableRandom rng, double amplitude) {
        return (rng.nextDouble() * 2 - 1) * amplitude;
    }
}
