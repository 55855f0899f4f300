package dev.vlsuite.shared.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Walks the top-level boxes of an ISO media file (MP4, MOV, 3GP, M4V). FFmpeg refuses an MP4 without
 * its index (moov) with the same error as random bytes; this tells the two apart so the user learns
 * that the recording was never finalised rather than that the file is "not a video".
 */
final class IsoBoxes {
    enum Layout { NOT_ISO, WITH_INDEX, WITHOUT_INDEX }

    private static final Set<String> FIRST_BOXES = Set.of("ftyp", "moov", "mdat", "free", "skip", "wide", "pdin");

    private IsoBoxes() {}

    static Layout layout(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long pos = 0;
            boolean first = true;
            ByteBuffer head = ByteBuffer.allocate(16);
            while (pos + 8 <= size) {
                head.clear();
                ch.read(head, pos);
                head.flip();
                if (head.remaining() < 8) break;
                long boxSize = head.getInt() & 0xFFFFFFFFL;
                byte[] type = new byte[4];
                head.get(type);
                String name = new String(type, StandardCharsets.ISO_8859_1);
                if (first && !FIRST_BOXES.contains(name)) return Layout.NOT_ISO;
                first = false;
                if (boxSize == 1) {
                    if (head.remaining() < 8) break;
                    boxSize = head.getLong();
                } else if (boxSize == 0) {
                    boxSize = size - pos; // runs to the end of the file
                }
                // a moov cut short by the end of the file is as useless as none
                if (name.equals("moov")) return pos + boxSize <= size ? Layout.WITH_INDEX : Layout.WITHOUT_INDEX;
                if (boxSize < 8) break; // damaged: stop walking
                pos += boxSize;
            }
            return first ? Layout.NOT_ISO : Layout.WITHOUT_INDEX;
        }
    }
}
