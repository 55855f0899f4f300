package dev.vlsuite.assets;

import dev.vlsuite.shared.cli.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** The options every {@code synth} subcommand shares (a picocli mixin): where to write, the seed, --force. */
final class SynthOutput {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (must be empty or new unless --force).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed; same seed, same output (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--force", description = "Write into a non-empty DIR (files of the same name are replaced).")
    boolean force;

    /** The output folder, after refusing a file or (without --force) a non-empty folder. */
    Path checkedFolder() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) throw new UsageException("--out is a file, not a folder: " + out);
        if (!force && Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent())
                    throw new UsageException("output folder is not empty: " + out + " (use --force to write into it)");
            }
        }
        return out;
    }

    /** Rejects a count below one. */
    static void requirePositive(int count) {
        if (count < 1) throw new UsageException("--count must be at least 1: " + count);
    }
}
