package dev.vlsuite.shared.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only input errors become failed items; a bug or an Error stops the consumer instead of passing as a bad image. */
class DecodePipelineTest {
    @TempDir Path tmp;

    private List<Path> files(String... names) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String n : names) out.add(Files.writeString(tmp.resolve(n), n));
        return out;
    }

    @Test
    void decodeFailuresAreFailedItemsAndTheBatchGoesOn() throws Exception {
        List<Path> in = files("ok1.png", "bad.png", "locked.png", "broken-disk.png", "ok2.png");
        in.add(tmp.resolve("gone.png"));
        DecodePipeline.Loader loader = file -> switch (file.getFileName().toString()) {
            case "bad.png" -> throw new BadImageException(file, "cannot decode PNG (corrupt or truncated data)");
            case "locked.png" -> throw new AccessDeniedException(file.toString());
            case "broken-disk.png" -> throw new IOException("Input/output error");
            default -> new float[] {file.getFileName().toString().length()};
        };
        List<DecodePipeline.Item> items = new ArrayList<>();
        try (DecodePipeline p = new DecodePipeline(in, loader, 2, 3)) {
            while (p.hasNext()) items.add(p.next());
        }
        assertEquals(in, items.stream().map(DecodePipeline.Item::path).toList(), "input order");
        assertArrayEquals(new float[] {7}, items.get(0).chw());
        assertEquals(in.get(1) + ": cannot decode PNG (corrupt or truncated data)", items.get(1).errorLine());
        assertEquals("permission denied", items.get(2).reason());
        assertEquals("cannot read (Input/output error)", items.get(3).reason());
        assertTrue(items.get(4).ok());
        assertEquals("no such file", items.get(5).reason());
    }

    @Test
    void aBugInTheDecoderStopsTheConsumerNamingTheFile() throws Exception {
        List<Path> in = files("a.png", "b.png", "c.png");
        IllegalStateException bug = new IllegalStateException("index 3 out of bounds for length 3");
        DecodePipeline.Loader loader = file -> {
            if (file.getFileName().toString().equals("b.png")) throw bug;
            return new float[] {1};
        };
        try (DecodePipeline p = new DecodePipeline(in, loader, 1, 2)) {
            assertTrue(p.next().ok());
            InternalDecodeException e = assertThrows(InternalDecodeException.class, p::next);
            assertSame(bug, e.getCause());
            assertEquals(in.get(1), e.file());
            assertTrue(e.getMessage().contains("b.png") && e.getMessage().contains("index 3 out of bounds"), e.getMessage());
        }
    }

    @Test
    void anOutOfMemoryErrorIsNotABadImage() throws Exception {
        List<Path> in = files("huge.png");
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        try (DecodePipeline p = new DecodePipeline(in, file -> { throw oom; }, 1, 1)) {
            assertSame(oom, assertThrows(OutOfMemoryError.class, p::next));
        }
    }

    @Test
    void theRealDecoderStillReportsABadFileAsAnItem() throws Exception {
        List<Path> in = files("notes.jpg");
        try (DecodePipeline p = new DecodePipeline(in, new ImageDecoder(), Preprocess.imagenet(16), 1, 1)) {
            DecodePipeline.Item item = p.next();
            assertNull(item.chw());
            assertTrue(item.reason().startsWith("not an image"), item.reason());
        }
    }
}
