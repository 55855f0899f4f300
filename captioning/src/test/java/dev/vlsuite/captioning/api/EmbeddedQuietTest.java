package dev.vlsuite.captioning.api;

import static org.junit.jupiter.api.Assertions.*;

import dev.vlsuite.assets.Samples;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedding the library forces no logging choice and prints nothing by itself: in a child JVM whose class path is
 * the library's (the test's minus the tests' slf4j-simple), {@code ImageCaptioner.load(null)} and a caption print
 * nothing on stderr when the application chose slf4j-nop, and without any binding only SLF4J's own notice that the
 * application chose none (no DJL CUDA-probe warning, no INFO lines; libtorch's one hardware notice on this VM's CPU
 * aside, see {@link #libtorchHardwareNotice}).
 */
class EmbeddedQuietTest {
    @TempDir Path tmp;

    /** The embedding application: load the built-in model, caption one sample, print it. */
    public static void main(String[] args) throws Exception {
        try (ImageCaptioner c = ImageCaptioner.load(null)) {
            System.out.println("caption: " + c.caption(Path.of(args[0]), CaptionOptions.defaults().withBeam(1)).text());
        }
    }

    /**
     * libtorch's C++ notice on CPUs without NNPACK support (this VM's), printed to fd 2 by its own logging the first
     * time a convolution runs; TORCH_CPP_LOG_LEVEL does not silence it (tried). It is the only line allowed through.
     */
    static boolean libtorchHardwareNotice(String line) {
        return line.matches("\\[W\\d{4} [0-9:.]+ NNPACK\\.cpp:\\d+\\] Could not initialize NNPACK! Reason: Unsupported hardware\\.");
    }

    private record Child(int exit, List<String> out, List<String> err) {}

    private Child run(List<String> extraClassPath) throws Exception {
        List<String> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!Path.of(entry).getFileName().toString().startsWith("slf4j-simple")) cp.add(entry);
        }
        cp.addAll(extraClassPath);
        Path sample;
        try (var files = Files.list(Samples.folder().resolve("images"))) {
            sample = files.sorted().findFirst().orElseThrow();
        }
        Path out = tmp.resolve("out-" + extraClassPath.size() + ".txt"), err = tmp.resolve("err-" + extraClassPath.size() + ".txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Dvlsuite.cache=" + tmp.resolve("cache"), "-Dai.djl.pytorch.num_threads=1",
                "-cp", String.join(File.pathSeparator, cp), EmbeddedQuietTest.class.getName(), sample.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "child JVM timed out");
        List<String> errLines = Files.readAllLines(err, StandardCharsets.UTF_8).stream().filter(l -> !libtorchHardwareNotice(l)).toList();
        return new Child(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8), errLines);
    }

    @Test
    void theHardwareNoticeFilterTakesOnlyThatLine() {
        assertTrue(libtorchHardwareNotice("[W1201 11:16:24.849731425 NNPACK.cpp:57] Could not initialize NNPACK! Reason: Unsupported hardware."));
        assertFalse(libtorchHardwareNotice("[main] WARN ai.djl.util.cuda.CudaUtils - Failed to detect GPU count"));
        assertFalse(libtorchHardwareNotice("[W1201 11:16:24.849731425 Context.cpp:12] something else"));
    }

    @Test
    void withTheApplicationsNopBindingNothingReachesStderr() throws Exception {
        Path nop = Path.of("target", "embedding", "slf4j-nop.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(nop), "the build copies slf4j-nop to " + nop);
        Child c = run(List.of(nop.toString()));
        assertEquals(0, c.exit(), String.join("\n", c.err()));
        assertEquals(List.of(), c.err());
        assertEquals(1, c.out().size(), c.out().toString());
        assertTrue(c.out().get(0).startsWith("caption: a "), c.out().toString());
    }

    @Test
    void withoutAnyBindingOnlySlf4jSaysTheApplicationChoseNone() throws Exception {
        Child c = run(List.of());
        assertEquals(0, c.exit(), String.join("\n", c.err()));
        assertFalse(c.err().isEmpty(), "SLF4J names the missing binding");
        for (String line : c.err()) assertTrue(line.startsWith("SLF4J(W): "), "only SLF4J's notice, got: " + line + " in " + c.err());
        assertTrue(c.err().stream().anyMatch(l -> l.contains("No SLF4J providers were found")), c.err().toString());
        assertEquals(1, c.out().size(), Arrays.toString(c.out().toArray()));
    }
}
