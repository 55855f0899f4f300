package dev.vlsuite.captioning.picture;

import dev.vlsuite.captioning.api.Caption;
import dev.vlsuite.shared.image.DecodedImage;
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

/**
 * The Show-Attend-and-Tell figure: the image the model saw (the centre square, as Preprocess crops it)
 * with the caption above it, then one tile per generated word: the image darkened where the model did
 * not look (a smoothed, upsampled alpha grid) and the word above it. Tiles run left to right, {@code columns}
 * per row.
 */
public final class AttentionPicture {
    public static final int TILE = 224;
    public static final int COLUMNS = 5;
    static final int LABEL = 28;
    static final int GAP = 4;
    /** Brightness kept where attention is zero, so the picture stays readable. */
    private static final float FLOOR = 0.25f;

    private AttentionPicture() {}

    /** Writes the figure as a PNG, atomically. */
    public static void write(Path target, DecodedImage image, Caption caption) throws IOException {
        ImageFiles.writePng(target, render(image, caption, TILE, COLUMNS));
    }

    /** Pixel size of a figure with {@code words} word tiles. */
    public static Dimension size(int words, int tile, int columns) {
        int tiles = words + 1;
        int cols = Math.min(columns, tiles);
        int rows = (tiles + columns - 1) / columns;
        return new Dimension(cols * tile + (cols + 1) * GAP, rows * (LABEL + tile) + (rows + 1) * GAP);
    }

    public static BufferedImage render(DecodedImage image, Caption caption, int tile, int columns) {
        if (!caption.hasAttention()) throw new IllegalArgumentException("the caption has no attention maps (show-tell model)");
        Dimension d = size(caption.tokens().size(), tile, columns);
        BufferedImage out = new BufferedImage(d.width, d.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, d.width, d.height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
            BufferedImage crop = centreSquare(image.toBufferedImage(), tile);
            drawTile(g, 0, columns, tile, crop, caption.text());
            for (int w = 0; w < caption.tokens().size(); w++) {
                float[] heat = HeatMap.of(caption.attention()[w], caption.gridSide(), tile);
                drawTile(g, w + 1, columns, tile, shade(crop, heat), caption.tokens().get(w));
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void drawTile(Graphics2D g, int index, int columns, int tile, BufferedImage picture, String label) {
        int x = GAP + (index % columns) * (tile + GAP);
        int y = GAP + (index / columns) * (LABEL + tile + GAP);
        g.setColor(Color.BLACK);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(fit(label, fm, tile), x + 2, y + LABEL - fm.getDescent() - 4);
        g.drawImage(picture, x, y + LABEL, null);
    }

    /** The label, cut with an ellipsis when wider than the tile. */
    private static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width - 4) return text;
        String s = text;
        while (!s.isEmpty() && fm.stringWidth(s + "…") > width - 4) s = s.substring(0, s.length() - 1);
        return s + "…";
    }

    /** The centre square of the picture (the region the CNN saw), scaled to tile x tile. */
    static BufferedImage centreSquare(BufferedImage src, int tile) {
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

    /** Each pixel scaled by FLOOR + (1 - FLOOR) * heat: attended regions stay bright, the rest goes dark. */
    static BufferedImage shade(BufferedImage picture, float[] heat) {
        int n = picture.getWidth();
        BufferedImage out = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        int[] px = picture.getRGB(0, 0, n, n, null, 0, n);
        for (int i = 0; i < px.length; i++) {
            float f = FLOOR + (1 - FLOOR) * heat[i];
            int r = Math.round(((px[i] >> 16) & 0xFF) * f);
            int gr = Math.round(((px[i] >> 8) & 0xFF) * f);
            int b = Math.round((px[i] & 0xFF) * f);
            px[i] = (r << 16) | (gr << 8) | b;
        }
        out.setRGB(0, 0, n, n, px, 0, n);
        return out;
    }
}
