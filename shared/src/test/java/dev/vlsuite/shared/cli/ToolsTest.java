package dev.vlsuite.shared.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.vlsuite.shared.image.BadImageException;
import dev.vlsuite.shared.image.DecodePipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and the one line a tool prints when it stops: 2 for usage, 3 for internal errors. */
class ToolsTest {
    @Command(name = "demo")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--fail") String fail = "none";
        @Option(names = "--verbose") boolean verbose;
        @Option(names = "--dir") Path dir;

        @Override
        public Integer call() {
            switch (fail) {
                case "usage" -> throw new UsageException("model.vlm: no such file");
                case "bug" -> throw new NullPointerException("Cannot invoke \"String.length()\"");
                case "oom" -> throw new OutOfMemoryError("Java heap space");
                case "decoder-bug" -> {
                    // a tool's batch loop over a pipeline whose decoder has a bug on the second file
                    List<Path> files = List.of(dir.resolve("one.png"), dir.resolve("two.png"));
                    try (DecodePipeline p = new DecodePipeline(files, file -> {
                        if (file.endsWith("two.png")) throw new ArrayIndexOutOfBoundsException("Index 7 out of bounds for length 7");
                        throw new BadImageException(file, "empty file");
                    }, 1, 1)) {
                        while (p.hasNext()) System.err.println(p.next().errorLine());
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return ExitCodes.SOME_INPUTS_FAILED;
                }
                default -> { return ExitCodes.OK; }
            }
        }
    }

    private record Result(int exit, List<String> err) {}

    private static Result run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Tools.run(new Demo(), args);
            return new Result(exit, err.toString(StandardCharsets.UTF_8).lines().toList());
        } finally {
            System.setErr(old);
        }
    }

    @Test
    void usageErrorsExit2WithTheirLine() {
        Result r = run("--fail", "usage");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals(List.of("demo: model.vlm: no such file"), r.err());
        assertEquals(ExitCodes.USAGE, run("--no-such-option").exit());
    }

    @Test
    void aBugIsAnInternalErrorExit3OneLineTraceOnlyWithVerbose() {
        Result r = run("--fail", "bug");
        assertEquals(ExitCodes.INTERNAL, r.exit());
        assertEquals(List.of("demo: internal error: NullPointerException: Cannot invoke \"String.length()\""
                + " (run with --verbose for the stack trace)"), r.err());
        Result verbose = run("--fail", "bug", "--verbose");
        assertEquals(ExitCodes.INTERNAL, verbose.exit());
        assertTrue(verbose.err().size() > 2 && verbose.err().get(1).startsWith("java.lang.NullPointerException"), verbose.err().toString());
        assertTrue(verbose.err().stream().anyMatch(l -> l.contains("ToolsTest$Demo.call")), "stack trace");
    }

    @Test
    void anErrorSuchAsOutOfMemoryIsAnInternalErrorExit3() {
        Result r = run("--fail", "oom");
        assertEquals(ExitCodes.INTERNAL, r.exit());
        assertEquals(List.of("demo: internal error: OutOfMemoryError: Java heap space (run with --verbose for the stack trace)"), r.err());
    }

    @Test
    void aBugInADecoderStopsTheBatchWithExit3NotExit1(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("one.png"), "");
        Files.writeString(dir.resolve("two.png"), "x");
        Result r = run("--fail", "decoder-bug", "--dir", dir.toString());
        assertEquals(ExitCodes.INTERNAL, r.exit());
        assertEquals(List.of(dir.resolve("one.png") + ": empty file",
                "demo: internal error: InternalDecodeException: decoding " + dir.resolve("two.png") + " failed unexpectedly"
                        + " (java.lang.ArrayIndexOutOfBoundsException: Index 7 out of bounds for length 7)"
                        + " (run with --verbose for the stack trace)"), r.err());
    }

    @Test
    void success() {
        assertEquals(new Result(ExitCodes.OK, List.of()), run());
    }
}
