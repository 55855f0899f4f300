package dev.vlsuite.captioning.picture;

import static org.junit.jupiter.api.Assertions.*;

import dev.vlsuite.captioning.api.Caption;
import dev.vlsuite.shared.image.DecodedImage;
import dev.vlsuite.shared.picture.TileSheet;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttentionPictureTest {
    @TempDir Path tmp;

    @Test
    void figureHasOneTilePerWordAndShadesWhereTheModelDidNotLook() throws Exception {
        byte[] rgb = new byte[60 * 40 * 3];
        Arrays.fill(rgb, (byte) 200);
        DecodedImage image = new DecodedImage(rgb, 60, 40, null);   // wide: the centre 40 x 40 square is shown
        float[] left = {1, 0, 0, 0};
        float[] right = {0, 1, 0, 0};
        Caption caption = new Caption("red circle", List.of("red", "circle"), -1.5, new float[][] {left, right}, 2);
        Path file = tmp.resolve("fig.png");
        AttentionPicture.write(file, image, caption);
        BufferedImage fig = ImageIO.read(file.toFile());
        Dimension d = AttentionPicture.size(2, AttentionPicture.TILE, AttentionPicture.COLUMNS);
        assertEquals(3 * AttentionPicture.TILE + 4 * TileSheet.GAP, d.width);
        assertEquals(d, new Dimension(fig.getWidth(), fig.getHeight()));
        int top = TileSheet.GAP + TileSheet.LABEL + 20;
        int tile2 = TileSheet.GAP + AttentionPicture.TILE + TileSheet.GAP;   // x of the first word tile
        int attended = fig.getRGB(tile2 + 20, top) & 0xFF;
        int ignored = fig.getRGB(tile2 + AttentionPicture.TILE - 20, top) & 0xFF;
        assertTrue(attended > 150 && ignored < 100, "attended " + attended + ", ignored " + ignored);
        assertEquals(200, fig.getRGB(TileSheet.GAP + 100, top + 100) & 0xFF, 2);   // the plain image tile
    }

    @Test
    void showTellCaptionsHaveNoFigure() {
        Caption caption = new Caption("a", List.of("a"), -1, null, 0);
        DecodedImage image = new DecodedImage(new byte[12], 2, 2, null);
        assertThrows(IllegalArgumentException.class, () -> AttentionPicture.render(image, caption, 32, 5));
    }
}
