package dev.vlsuite.shared.picture;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeatMapTest {
    @Test
    void heatMapPeaksOnTheAttendedCellAndIsNormalised() {
        float[] alpha = new float[16];
        alpha[1 * 4 + 2] = 1f;                                  // row 1, column 2 of a 4 x 4 grid
        float[] heat = HeatMap.of(alpha, 4, 64);
        int argmax = 0;
        for (int i = 1; i < heat.length; i++) if (heat[i] > heat[argmax]) argmax = i;
        int y = argmax / 64;
        int x = argmax % 64;
        assertTrue(y >= 16 && y < 32 && x >= 32 && x < 48, "peak at " + x + "," + y);
        assertEquals(1f, heat[argmax], 1e-6f);
        assertTrue(heat[63 * 64] < 0.05f, "far corner stays dark: " + heat[63 * 64]);
    }

    @Test
    void aFrameStripGridPeaksOnTheAttendedFrame() {
        float[] alpha = {0.05f, 0.05f, 0.8f, 0.05f, 0.05f};                 // 1 x 5: weights over five frames
        float[] heat = HeatMap.of(alpha, 1, 5, 100, 20);
        int argmax = 0;
        for (int i = 1; i < heat.length; i++) if (heat[i] > heat[argmax]) argmax = i;
        int x = argmax % 100;
        assertTrue(x >= 40 && x < 60, "peak in the third frame: x " + x);
        assertTrue(heat[10 * 100 + 2] < 0.1f && heat[10 * 100 + 97] < 0.1f, "first and last frames stay dark");
        assertThrows(IllegalArgumentException.class, () -> HeatMap.of(alpha, 2, 3, 10, 10));
    }

    @Test
    void shadeKeepsAttendedPixelsAndDarkensTheRestToTheFloor() {
        BufferedImage white = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        white.setRGB(0, 0, 0xFFFFFF);
        white.setRGB(1, 0, 0xFFFFFF);
        BufferedImage shaded = HeatMap.shade(white, new float[] {1f, 0f});
        assertEquals(255, shaded.getRGB(0, 0) & 0xFF);
        assertEquals(Math.round(255 * HeatMap.FLOOR), shaded.getRGB(1, 0) & 0xFF);
    }

    @Test
    void tileSheetLaysOutColumnsAndRows() {
        BufferedImage t = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        List<TileSheet.Tile> tiles = List.of(new TileSheet.Tile("a", t), new TileSheet.Tile("b", t), new TileSheet.Tile("c", t));
        BufferedImage sheet = TileSheet.render(tiles, 10, 2);
        assertEquals(2 * 10 + 3 * TileSheet.GAP, sheet.getWidth());
        assertEquals(2 * (TileSheet.LABEL + 10) + 3 * TileSheet.GAP, sheet.getHeight());
        assertEquals(0, sheet.getRGB(TileSheet.GAP + 5, TileSheet.GAP + TileSheet.LABEL + 5) & 0xFFFFFF, "the black tile");
        assertEquals(0xFFFFFF, sheet.getRGB(sheet.getWidth() - 3, sheet.getHeight() - 3) & 0xFFFFFF, "empty fourth place stays white");
    }
}
