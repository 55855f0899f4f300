package dev.vlsuite.shared.picture;

import dev.vlsuite.shared.image.ImageFiles;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Labelled square tiles left to right, {@code columns} per row, on white: the layout of every attention figure
 * (the image and one shaded tile per word; a frame strip; a panorama of views). Labels wider than a tile are cut
 * with an ellipsis.
 */
public final class TileSheet {
    public static final int LABEL = 28;
    public static final int GAP = 4;

    /** One tile: its label above, its picture (tile x tile) below. */
    public record Tile(String label, BufferedImage picture) {}

    private TileSheet() {}

    /** Pixel size of a sheet of {@code tiles} tiles. */
    public static Dimension size(int tiles, int tile, int columns) {
        int cols = Math.min(columns, tiles);
        int rows = (tiles + columns - 1) / columns;
        return new Dimension(cols * tile + (cols + 1) * GAP, rows * (LABEL + tile) + (rows + 1) * GAP);
    }

    public static BufferedImage render(List<Tile> tiles, int tile, int columns) {
        Dimension d = size(tiles.size(), tile, columns);
        BufferedImage out = new BufferedImage(d.width, d.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, d.width, d.height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
            for (int i = 0; i < tiles.size(); i++) {
                int x = GAP + (i % columns) * (tile + GAP);
                int y = GAP + (i / columns) * (LABEL + tile + GAP);
                g.setColor(Color.BLACK);
                FontMetrics fm = g.getFontMetrics();
                g.drawString(fit(tiles.get(i).label(), fm, tile), x + 2, y + LABEL - fm.getDescent() - 4);
                g.drawImage(tiles.get(i).picture(), x, y + LABEL, null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Renders and writes the sheet as a PNG, atomically. */
    public static void write(Path target, List<Tile> tiles, int tile, int columns) throws IOException {
        ImageFiles.writePng(target, render(tiles, tile, columns));
    }

    /** The centre square of a picture (the region a CNN sees after Preprocess's crop), scaled to tile x tile. */
    public static BufferedImage centreSquare(BufferedImage src, int tile) {
        int side = Math.min(src.getWidth(), src.getHeight());
        int x0 = (src.getWidth() - side) / 2;
        int y0 = (src.getHeight() - side) / 2;
        BufferedImage out = new BufferedImage(tile, tile, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, tile, tile, x0, y0, x0 + side, y0 + side, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width - 4) return text;
        String s = text;
        while (!s.isEmpty() && fm.stringWidth(s + "…") > width - 4) s = s.substring(0, s.length() - 1);
        return s + "…";
    }
}
