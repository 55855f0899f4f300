package dev.vlsuite.vqa.picture;

import dev.vlsuite.shared.image.DecodedImage;
import dev.vlsuite.shared.picture.HeatMap;
import dev.vlsuite.shared.picture.TileSheet;
import dev.vlsuite.vqa.api.Answer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stacked-attention figure of Yang et al.: the image the model saw (the centre square) under the question and
 * answer, then one tile per hop, the image darkened where that hop did not look (shared.picture.HeatMap).
 */
public final class AttentionPicture {
    public static final int TILE = 224;

    private AttentionPicture() {}

    /** Writes the figure as a PNG, atomically. */
    public static void write(Path target, DecodedImage image, Answer answer) throws IOException {
        List<TileSheet.Tile> t = tiles(image, answer, TILE);
        TileSheet.write(target, t, TILE, t.size());
    }

    public static BufferedImage render(DecodedImage image, Answer answer, int tile) {
        List<TileSheet.Tile> t = tiles(image, answer, tile);
        return TileSheet.render(t, tile, t.size());
    }

    private static List<TileSheet.Tile> tiles(DecodedImage image, Answer answer, int tile) {
        if (answer.attention().isEmpty()) throw new IllegalArgumentException("the answer has no attention maps (not a san model)");
        BufferedImage crop = TileSheet.centreSquare(image.toBufferedImage(), tile);
        List<TileSheet.Tile> tiles = new ArrayList<>();
        tiles.add(new TileSheet.Tile(answer.question() + " " + answer.answer(), crop));
        for (int k = 0; k < answer.attention().size(); k++) {
            float[] heat = HeatMap.of(answer.attention().get(k), answer.gridSide(), tile);
            tiles.add(new TileSheet.Tile("hop " + (k + 1), HeatMap.shade(crop, heat)));
        }
        return tiles;
    }
}
