package dev.vlsuite.shared.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainingLoop;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start of a train command against its run folder (the finished-run path is covered by the modules' kill/resume tests). */
class TrainingRunStartTest {
    @TempDir Path dir;

    @Test
    void runFolderSitsBesideTheModel() {
        assertEquals(dir.resolve("m.vlm.run"), TrainingRunStart.runDir(dir.resolve("m.vlm")));
    }

    @Test
    void aFreshFolderStartsFreshAndAnEarlierRunNeedsResume() throws Exception {
        Path out = dir.resolve("m.vlm");
        TrainingLoop loop = new TrainingLoop(TrainConfig.defaults(), TrainingRunStart.runDir(out));
        StringWriter said = new StringWriter();
        TrainingRunStart.Start start = TrainingRunStart.check(loop, out, false, "task", null, new PrintWriter(said));
        assertFalse(start.finished());
        assertTrue(start.saved().isEmpty());
        assertTrue(TrainingRunStart.check(loop, out, true, "task", null, new PrintWriter(said)).saved().isEmpty(),
                "--resume without a checkpoint starts fresh");

        Files.createDirectories(loop.checkpointFile().getParent());
        Files.writeString(loop.checkpointFile(), "not a bundle");
        UsageException e = assertThrows(UsageException.class,
                () -> TrainingRunStart.check(loop, out, false, "task", null, new PrintWriter(said)));
        assertTrue(e.getMessage().contains("pass --resume"), e.getMessage());
        assertThrows(UsageException.class, () -> TrainingRunStart.check(loop, out, true, "task", null, new PrintWriter(said)),
                "an unreadable checkpoint is a usage error naming it, not a crash");
        assertEquals("", said.toString());
    }
}
