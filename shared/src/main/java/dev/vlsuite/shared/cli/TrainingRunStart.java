package dev.vlsuite.shared.cli;

import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.train.TrainingLoop;
import dev.vlsuite.shared.train.TrainingState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How every {@code train} command starts against its run folder ({@code OUT.run} beside the model file): an earlier
 * run is never overwritten without {@code --resume}, a resumed run must be of the same task, and a run that has
 * already finished is not trained again: its model is copied back to OUT (in case OUT was moved away) and one line
 * says so.
 */
public final class TrainingRunStart {
    private TrainingRunStart() {}

    /** The run folder of a model path: {@code OUT.run} beside it. */
    public static Path runDir(Path out) {
        return out.toAbsolutePath().resolveSibling(out.getFileName() + ".run");
    }

    /** What a train command does next: nothing ({@code finished}), or train, from {@code saved} when present. */
    public record Start(Optional<TrainingState> saved, boolean finished) {}

    /**
     * Checks the run folder against {@code --resume}: the saved state to continue from (empty: start fresh). When
     * that state is a finished run, writes its model to {@code out}, prints one line (naming the best {@code watch}
     * metric when the run kept one; {@code watch} may be null) and says {@code finished}: nothing to train.
     *
     * @throws UsageException an earlier run without {@code --resume}, or a checkpoint of another task
     */
    public static Start check(TrainingLoop loop, Path out, boolean resume, String task, String watch,
                                                PrintWriter stdout) throws IOException {
        Path runDir = loop.checkpointFile().getParent();
        if (!resume && Files.exists(loop.checkpointFile())) {
            throw new UsageException(runDir + " holds an earlier run; pass --resume to continue it, or remove it");
        }
        Optional<TrainingState> saved;
        try {
            saved = resume ? loop.savedState(task) : Optional.empty();
        } catch (BundleException e) {
            throw new UsageException(e.getMessage(), e);
        }
        Path finishedModel = runDir.resolve(TrainingLoop.MODEL);
        if (saved.isPresent() && loop.isComplete(saved.get()) && Files.exists(finishedModel)) {
            TrainingState s = saved.get();
            AtomicFiles.write(out, o -> Files.copy(finishedModel, o));
            stdout.printf(Locale.ROOT, "the run in %s has already finished (%d steps%s%s); nothing to do; its model is %s%n", runDir,
                    s.step(), s.stoppedEarly() ? ", stopped early" : "",
                    watch != null && s.bestStep() >= 0
                            ? String.format(Locale.ROOT, ", best %s %.4f at step %d", watch, s.bestMetric(), s.bestStep()) : "",
                    out);
            stdout.flush();
            return new Start(saved, true);
        }
        return new Start(saved, false);
    }
}
