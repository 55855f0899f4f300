package dev.vlsuite.captioning.picture;

import dev.vlsuite.captioning.api.Caption;
import dev.vlsuite.shared.image.DecodedImage;
import dev.vlsuite.shared.picture.HeatMap;
import dev.vlsuite.shared.picture.TileSheet;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Show-Attend-and-Tell figure: the image the model saw (the centre square, as Preprocess crops it) with the
 * caption above it, then one tile per generated word: the image darkened where the model did not look
 * (shared.picture.HeatMap) and the word above it, laid out by shared.picture.TileSheet.
 */
public final class AttentionPicture {
    public static final int TILE = 224;
    public static final int COLUMNS = 5;

    private AttentionPicture() {}

    /** Writes the figure as a PNG, atomically. */
    public static void write(Path target, DecodedImage image, Caption caption) throws IOException {
        TileSheet.write(target, tiles(image, caption, TILE), TILE, COLUMNS);
    }

    /** Pixel size of a figure with {@code words} word tiles. */
    public static Dimension size(int words, int tile, int columns) {
        return TileSheet.size(words + 1, tile, columns);
    }

    public static BufferedImage render(DecodedImage image, Caption caption, int tile, int columns) {
        return TileSheet.render(tiles(image, caption, tile), tile, columns);
    }

    private static List<TileSheet.Tile> tiles(DecodedImage image, Caption caption, int tile) {
        if (!caption.hasAttention()) throw new IllegalArgumentException("the caption has no attention maps (show-tell model)");
        BufferedImage crop = TileSheet.centreSquare(image.toBufferedImage(), tile);
        List<TileSheet.Tile> tiles = new ArrayList<>();
        tiles.add(new TileSheet.Tile(caption.text(), crop));
        for (int w = 0; w < caption.tokens().size(); w++) {
            float[] heat = HeatMap.of(caption.attention()[w], caption.gridSide(), tile);
            tiles.add(new TileSheet.Tile(caption.tokens().get(w), HeatMap.shade(crop, heat)));
        }
        return tiles;
    }
}
