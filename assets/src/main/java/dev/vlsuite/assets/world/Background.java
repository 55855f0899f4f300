package dev.vlsuite.assets.world;

/** A grey canvas, plain ({@code noise == 0}) or with light per-pixel noise drawn from {@code textureSeed}. */
public record Background(int gray, int noise, long textureSeed) {
    public Background {
        if (gray < 0 || gray > 255) throw new IllegalArgumentException("gray level outside 0..255: " + gray);
        if (noise < 0 || noise > 64) throw new IllegalArgumentException("noise amplitude outside 0..64: " + noise);
    }

    public boolean textured() {
        return noise > 0;
    }
}
