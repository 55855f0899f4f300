package dev.vlsuite.shared.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProgressTest {
    /**
     * stderrTty: what bin/_launch passes ([ -t 2 ]), "-" when no launcher; console: System.console() exists
     * (stdin and stdout terminals); ci: the CI variable, "-" when unset.
     */
    @ParameterizedTest(name = "tty={0} console={1} CI={2} noProgress={3} -> {4}")
    @CsvSource({
            // caption run photos/ > captions.txt (or | tee): stdout redirected, stderr still the terminal
            "true,  false, -,     false, true",
            "true,  true,  -,     false, true",     // everything on the terminal
            "false, true,  -,     false, false",    // 2> log.txt while stdin/stdout are terminals
            "false, false, -,     false, false",    // all redirected
            "true,  false, true,  false, false",    // CI=true: never
            "true,  false, 1,     false, false",
            "true,  false, false, false, true",     // CI=false is not CI
            "true,  false, -,     true,  false",    // VLSUITE_NO_PROGRESS set
            "-,     true,  -,     false, true",     // no launcher: a console is the only hint Java 17 has
            "-,     false, -,     false, false",
            "-,     true,  true,  false, false"})
    void decisionTable(String stderrTty, boolean console, String ci, boolean noProgress, boolean shown) {
        Map<String, String> env = new HashMap<>();
        if (!ci.equals("-")) env.put("CI", ci);
        if (noProgress) env.put("VLSUITE_NO_PROGRESS", "1");
        assertEquals(shown, Progress.shouldShow(stderrTty.equals("-") ? null : stderrTty, console, env));
    }

    @Test
    void theBarIsDrawnOnTheStreamItIsGivenAndNothingWhenHidden() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Progress p = Progress.start("caption", 3, new PrintStream(err, true, StandardCharsets.UTF_8), true)) {
            p.step();
            p.step();
            p.step();
        }
        String drawn = err.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("caption") && drawn.contains("3/3"), drawn);

        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        try (Progress p = Progress.start("caption", 3, new PrintStream(quiet, true, StandardCharsets.UTF_8), false)) {
            p.step();
        }
        assertEquals(0, quiet.size());
    }
}
