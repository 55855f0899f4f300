package dev.vlsuite.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.Tools;
import dev.vlsuite.shared.metrics.retrieval.VisDialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthDialogsTest {
    @Test
    void writesTheThreeSplitsAndTheDenseAnnotations(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("dialogs");
        assertEquals(ExitCodes.OK, Tools.run(new SynthTool(), "dialogs", "--count", "20", "--size", "48", "--out", out.toString()));
        assertEquals(16, VisDialFiles.readDialogs(out.resolve("visdial_1.0_train.json")).dialogs().size());
        assertEquals(2, VisDialFiles.readDialogs(out.resolve("visdial_1.0_val.json")).dialogs().size());
        assertEquals(2, VisDialFiles.readDialogs(out.resolve("visdial_1.0_test.json")).dialogs().size());
        assertEquals(2, VisDialFiles.readDenseAnnotations(out.resolve("visdial_1.0_val_dense_annotations.json")).size());
        assertTrue(Files.isRegularFile(out.resolve("images/000019.png")));
        // usage errors: exit 2, nothing written
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "dialogs", "--count", "0", "--out", tmp.resolve("x").toString()));
        assertTrue(Files.notExists(tmp.resolve("x")));
    }
}
