package dev.vlsuite.shared.image;

/**
 * Limits and policies of {@link ImageDecoder}.
 *
 * @param minSide        images whose width or height is smaller are refused (default 2)
 * @param maxPixels      images with more pixels are refused from their header, before decoding (default 50 Mpx)
 * @param alphaOnWhite   composite transparent pixels on white (true, default) or just drop alpha (false)
 */
public record DecodeOptions(int minSide, long maxPixels, boolean alphaOnWhite) {
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    public DecodeOptions {
        if (minSide < 1) throw new IllegalArgumentException("minSide must be >= 1, got " + minSide);
        if (maxPixels < 1) throw new IllegalArgumentException("maxPixels must be >= 1, got " + maxPixels);
    }

    public static DecodeOptions defaults() {
        return new DecodeOptions(2, DEFAULT_MAX_PIXELS, true);
    }

    public DecodeOptions withMaxPixels(long pixels) {
        return new DecodeOptions(minSide, pixels, alphaOnWhite);
    }

    public DecodeOptions withMinSide(int side) {
        return new DecodeOptions(side, maxPixels, alphaOnWhite);
    }

    public DecodeOptions withAlphaOnWhite(boolean onWhite) {
        return new DecodeOptions(minSide, maxPixels, onWhite);
    }
}
