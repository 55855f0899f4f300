package dev.vlsuite.shared.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class DecodingMixinTest {
    @Command(name = "gen")
    static class Gen implements Runnable {
        @Mixin DecodingMixin decoding;

        @Override
        public void run() {
            decoding.checked();
        }
    }

    @Test
    void defaultsParsedValuesAndOutOfRangeIsAUsageErrorNamingTheOption() {
        Gen g = new Gen();
        new CommandLine(g).parseArgs();
        assertEquals(3, g.decoding.beam);
        assertEquals(20, g.decoding.maxLen);
        assertEquals(16, g.decoding.batch);
        new CommandLine(g).parseArgs("--beam", "1", "--max-len", "7", "--batch", "2");
        assertSame(g.decoding, g.decoding.checked());
        assertEquals(7, g.decoding.maxLen);
        new CommandLine(g).parseArgs("--batch", "0");
        UsageException e = assertThrows(UsageException.class, g.decoding::checked);
        assertEquals("--batch must be at least 1, got 0", e.getMessage());
        assertEquals(ExitCodes.USAGE, Tools.run(new Gen(), "--beam", "0"));
    }
}
