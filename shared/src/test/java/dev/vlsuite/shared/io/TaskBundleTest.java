package dev.vlsuite.shared.io;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.text.Vocabulary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one loader of every task's bundles: config record, vocabularies, an initialised block with the trained weights. */
class TaskBundleTest {
    @TempDir Path dir;

    record QaConfig(int inputs, int answers) {}

    private static Block net(QaConfig c, NDManager m) {
        Block b = Linear.builder().setUnits(c.answers()).build();
        b.initialize(m, DataType.FLOAT32, new Shape(1, c.inputs()));
        return b;
    }

    /** A "vqa" bundle of a Linear(4 -> 3) with two named vocabularies. */
    private Path write(QaConfig config) throws Exception {
        Path file = dir.resolve("qa-" + config.answers() + ".vlm");
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Engine.getInstance().setRandomSeed(5);
            Block block = net(config, m);
            ObjectNode vocab = Json.MAPPER.createObjectNode();
            vocab.set("questions", Json.MAPPER.readTree(Vocabulary.of(List.of("what", "colour")).toJson()));
            vocab.putArray("answers").add("<pad>").add("<start>").add("<end>").add("<unk>").add("red").add("blue");
            ModelBundle.write(file, BundleContents.of("vqa", config, vocab, Json.MAPPER.createObjectNode().put("steps", 9), block)
                    .withExtra("note", new byte[] {7}));
            float[] w = block.getParameters().get(0).getValue().getArray().toFloatArray();
            m.close();
            try (TaskBundle<QaConfig, Block> b = TaskBundle.load(file, "vqa", QaConfig.class, (c, v, mm) -> net(c, mm), Device.cpu())) {
                assertArrayEquals(w, b.block().getParameters().get(0).getValue().getArray().toFloatArray(), "trained weights, not fresh ones");
            }
        }
        return file;
    }

    @Test
    void loadsConfigVocabulariesBlockMetadataAndExtras() throws Exception {
        Path file = write(new QaConfig(4, 3));
        try (TaskBundle<QaConfig, Block> b = TaskBundle.load(file, "vqa", QaConfig.class, (c, v, m) -> net(c, m), Device.cpu())) {
            assertEquals(new QaConfig(4, 3), b.config());
            assertEquals(List.of("<pad>", "<start>", "<end>", "<unk>", "what", "colour"), b.vocabularies().named("questions").words());
            assertEquals("blue", b.vocabularies().named("answers").word(5));
            assertEquals(9, b.metadata().get("steps").asInt());
            assertArrayEquals(new byte[] {7}, b.extra("note").orElseThrow());
            assertTrue(b.extra("none").isEmpty());
            assertEquals(file, b.source());
            assertThrows(IllegalArgumentException.class, () -> b.vocabularies().named("objects"));
        }
    }

    @Test
    void everyUnusableBundleIsOneBundleExceptionNamingTheFile() throws Exception {
        Path file = write(new QaConfig(4, 3));
        BundleException task = assertThrows(BundleException.class,
                () -> TaskBundle.load(file, "captioning", QaConfig.class, (c, v, m) -> net(c, m), Device.cpu()));
        assertEquals(file + ": is a 'vqa' model, not a 'captioning' model", task.getMessage());
        BundleException vocab = assertThrows(BundleException.class, () -> TaskBundle.load(file, "vqa", QaConfig.class, (c, v, m) -> {
            if (v.named("answers").size() != 7) throw new IllegalArgumentException("answer vocabulary has " + v.named("answers").size() + " words");
            return net(c, m);
        }, Device.cpu()));
        assertEquals(file + ": answer vocabulary has 6 words", vocab.getMessage());
        BundleException shape = assertThrows(BundleException.class, () -> TaskBundle.load(file, "vqa", QaConfig.class,
                (c, v, m) -> net(new QaConfig(4, 5), m), Device.cpu()));
        assertTrue(shape.getMessage().startsWith(file + ": parameters do not fit its config"), shape.getMessage());
        BundleException missing = assertThrows(BundleException.class, () -> TaskBundle.load(dir.resolve("none.vlm"), "vqa",
                QaConfig.class, (c, v, m) -> net(c, m), Device.cpu()));
        assertTrue(missing.getMessage().startsWith(dir.resolve("none.vlm").toString()), missing.getMessage());
    }
}
