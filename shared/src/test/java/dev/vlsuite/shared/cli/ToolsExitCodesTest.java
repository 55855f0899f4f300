package dev.vlsuite.shared.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.vlsuite.shared.io.BundleException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Exit codes come from exception types (ExitCodes.of): 2 for what the user can fix, 3 for bugs and resource failures; ToolsTest checks the lines. */
class ToolsExitCodesTest {
    @Command(name = "t")
    static class Failing implements Callable<Integer> {
        @Option(names = "--fail") String fail = "none";
        @Option(names = "--verbose") boolean verbose;

        @Override
        public Integer call() throws Exception {
            switch (fail) {
                case "usage" -> throw new UsageException("--model x.vlm: no such file");
                case "value" -> throw new IllegalArgumentException("unknown metric 'spice'");
                case "bundle" -> throw new BundleException(Path.of("m.vlm"), "is a 'vqa' model, not a 'captioning' model");
                case "bug" -> throw new IllegalStateException("usage: this message looks like a usage error but is a bug");
                case "io" -> throw new java.io.IOException("No space left on device");
                case "oom" -> throw new OutOfMemoryError("Java heap space");
                case "some" -> {
                    return ExitCodes.SOME_INPUTS_FAILED;
                }
                default -> {
                    return ExitCodes.OK;
                }
            }
        }
    }

    private record Result(int code, List<String> err) {}

    private static Result run(String... args) {
        Failing f = new Failing();
        // Tools.run builds its own CommandLine, which writes to System.err
        java.io.PrintStream old = System.err;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(bytes, true));
        int code;
        try {
            code = Tools.run(f, args);
        } finally {
            System.setErr(old);
        }
        return new Result(code, bytes.toString().lines().toList());
    }

    @Test
    void codesFollowTheExceptionTypeNotItsMessage() {
        assertEquals(0, run().code());
        assertEquals(1, run("--fail", "some").code());
        assertEquals(2, run("--fail", "usage").code());
        assertEquals(2, run("--fail", "value").code());
        assertEquals(2, run("--fail", "bundle").code());
        assertEquals(2, run("--no-such-option").code());
        assertEquals(3, run("--fail", "bug").code());
        assertEquals(3, run("--fail", "io").code());
        assertEquals(3, run("--fail", "oom").code());
    }

    @Test
    void anUnusableBundleIsOneUsageLineAndABugWithAUsageLikeMessageIsStillInternal() {
        assertEquals(List.of("t: m.vlm: is a 'vqa' model, not a 'captioning' model"), run("--fail", "bundle").err());
        Result bug = run("--fail", "bug");
        assertEquals(3, bug.code());
        assertTrue(bug.err().get(0).startsWith("t: internal error: IllegalStateException: usage:"), bug.err().toString());
    }
}
