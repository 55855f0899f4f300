package dev.vlsuite.shared.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {
    @TempDir
    Path dir;

    record TinyConfig(int hidden, String cell) {}

    private static Block mlp() {
        return new SequentialBlock().add(Linear.builder().setUnits(5).build()).add(Linear.builder().setUnits(2).build());
    }

    private static BundleContents sample(NDManager m, Block block) {
        Engine.getInstance().setRandomSeed(3);
        block.initialize(m, DataType.FLOAT32, new Shape(1, 4));
        ObjectNode vocab = Json.MAPPER.createObjectNode();
        vocab.putArray("words").add("<pad>").add("a").add("red").add("circle");
        ObjectNode meta = Json.MAPPER.createObjectNode().put("steps", 123).put("bleu4", 0.25);
        return BundleContents.of("captioning", new TinyConfig(5, "lstm"), vocab, meta, block)
                .withExtra("notes", new byte[] {1, 2, 3});
    }

    @Test
    void roundTripIsBitExact() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Block block = mlp();
            BundleContents written = sample(m, block);
            Path file = dir.resolve("model.vlm");
            ModelBundle.write(file, written);
            BundleContents read = ModelBundle.read(file, "captioning");
            assertEquals("captioning", read.task());
            assertEquals(new TinyConfig(5, "lstm"), read.config(TinyConfig.class));
            assertEquals("red", read.vocabulary().get("words").get(2).asText());
            assertEquals(0.25, read.metadata().get("bleu4").asDouble());
            assertArrayEquals(written.parameters(), read.parameters());
            assertArrayEquals(new byte[] {1, 2, 3}, read.extras().get("notes"));

            Block fresh = mlp(); // uninitialized: shapes come from the bundle
            read.loadParameters(fresh, m);
            for (int i = 0; i < block.getParameters().size(); i++) {
                assertArrayEquals(block.getParameters().valueAt(i).getArray().toFloatArray(),
                        fresh.getParameters().valueAt(i).getArray().toFloatArray());
                assertTrue(fresh.getParameters().valueAt(i).getArray().hasGradient(), "trainable after loading");
            }
            assertArrayEquals(written.parameters(), BundleContents.parameterBytes(fresh));
            assertTrue(ModelBundle.read(file, null).parameters().length > 0, "null accepts any task");
        }
    }

    private Path written() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Path file = dir.resolve("model.vlm");
            ModelBundle.write(file, sample(m, mlp()));
            return file;
        }
    }

    private static void assertOneLine(BundleException e, Path file, String reasonPart) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertTrue(e.reason().contains(reasonPart), e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void wrongTaskIsRefused() throws Exception {
        Path file = written();
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.read(file, "vqa"));
        assertOneLine(e, file, "is a 'captioning' model, not a 'vqa' model");
    }

    @Test
    void everyFlippedByteIsCaught() throws Exception {
        Path file = written();
        byte[] good = Files.readAllBytes(file);
        // a byte in the parameters, one in the manifest, one in the checksum itself, one in the entry table
        for (int at : new int[] {good.length - 100, 40, good.length - 1, 17}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            Path copy = dir.resolve("bad-" + at + ".vlm");
            Files.write(copy, bad);
            BundleException e = assertThrows(BundleException.class, () -> ModelBundle.read(copy, "captioning"), "byte " + at);
            assertOneLine(e, copy, "checksum mismatch");
        }
    }

    @Test
    void newerFormatVersionIsRefused() throws Exception {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        bytes[EntryFile.MAGIC.length + 3] = (byte) (ModelBundle.FORMAT_VERSION + 1); // big-endian int after the magic
        Files.write(file, bytes);
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.read(file, "captioning"));
        assertOneLine(e, file, "format version " + (ModelBundle.FORMAT_VERSION + 1) + " is not supported");
    }

    @Test
    void truncatedMissingAndForeignFilesAreRefused() throws Exception {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertOneLine(assertThrows(BundleException.class, () -> ModelBundle.read(file, "captioning")), file, "checksum");
        Path missing = dir.resolve("nope.vlm");
        assertOneLine(assertThrows(BundleException.class, () -> ModelBundle.read(missing, null)), missing, "no such file");
        Path zip = dir.resolve("other.zip");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertOneLine(assertThrows(BundleException.class, () -> ModelBundle.read(zip, null)), zip, "not a vlsuite model");
    }

    @Test
    void writingIsAtomicAndLeavesNoTempFiles() throws Exception {
        Path file = written();
        byte[] first = Files.readAllBytes(file);
        try (NDManager m = NDManager.newBaseManager()) {
            ModelBundle.write(file, sample(m, mlp()).withExtra("more", new byte[10]));
        }
        assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(file)));
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of(file), files.toList());
        }
        assertEquals(Map.of(), new BundleContents("x", null, null, null, new byte[0], null).extras());
    }
}
