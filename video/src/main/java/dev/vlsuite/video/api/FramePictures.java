package dev.vlsuite.video.api;

import dev.vlsuite.shared.image.ImageFiles;
import dev.vlsuite.shared.picture.TileSheet;
import dev.vlsuite.shared.video.FrameReader;
import dev.vlsuite.shared.video.ReadSummary;
import dev.vlsuite.shared.video.Sampling;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a video model saw: the frames a {@link Sampling} picks from a file, written as PNGs
 * ({@code frame-NNN.png}, upright, square pixels, as FrameReader delivers them) and one contact sheet
 * ({@code sheet.png}) of the centre squares the backbone is given, each labelled with its frame number (and time, on tiles of 96 px and more).
 * Frames are written as they are decoded, so memory holds the sheet's small tiles only.
 */
public final class FramePictures {
    /** Contact-sheet tiles per row. */
    public static final int COLUMNS = 8;
    public static final String SHEET = "sheet.png";

    /** @param frames the PNGs in time order; sheet the contact sheet; summary what the reader decoded */
    public record Written(List<Path> frames, Path sheet, ReadSummary summary) {}

    private FramePictures() {}

    /**
     * @param tile side of a contact-sheet tile in pixels (the model's input side shows what it saw)
     * @throws dev.vlsuite.shared.video.BadVideoException one line naming the file when it is no usable video
     */
    public static Written write(Path video, Sampling sampling, int tile, Path outDir) throws IOException {
        if (tile < 8) throw new IllegalArgumentException("tile side must be >= 8: " + tile);
        Files.createDirectories(outDir);
        List<Path> files = new ArrayList<>();
        List<TileSheet.Tile> tiles = new ArrayList<>();
        IOException[] failure = {null};
        ReadSummary summary = new FrameReader().read(video, sampling, frame -> {
            if (failure[0] != null) return;
            BufferedImage picture = frame.image().toBufferedImage();
            Path png = outDir.resolve(String.format(Locale.ROOT, "frame-%03d.png", frame.sample()));
            try {
                ImageFiles.writePng(png, picture);
            } catch (IOException e) {
                failure[0] = e;
                return;
            }
            files.add(png);
            // a narrow tile has room for the frame number only
            String label = tile < 96 ? "#" + frame.frameIndex()
                    : String.format(Locale.ROOT, "#%d %.2fs", frame.frameIndex(), frame.timestampMicros() / 1e6);
            tiles.add(new TileSheet.Tile(label, TileSheet.centreSquare(picture, tile)));
        });
        if (failure[0] != null) throw failure[0];
        Path sheet = outDir.resolve(SHEET);
        TileSheet.write(sheet, tiles, tile, COLUMNS);
        return new Written(List.copyOf(files), sheet, summary);
    }
}
