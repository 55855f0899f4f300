package dev.vlsuite.assets;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.Tools;
import dev.vlsuite.shared.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthHousesTest {
    @Test
    void writesTheLayoutAndCountsWhatItWrote(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("houses");
        assertEquals(ExitCodes.OK, Tools.run(new SynthTool(), "houses", "--count", "2", "--rooms", "4,4", "--view-size", "16",
                "--train-paths", "3", "--val-seen-paths", "2", "--unseen-paths", "4", "--out", out.toString(), "--seed", "5"));
        JsonNode houses = Json.MAPPER.readTree(out.resolve("houses.json").toFile());
        assertEquals(2, houses.get("scans").size());
        assertEquals(3, Json.MAPPER.readTree(out.resolve("R2R_train.json").toFile()).size());
        assertEquals(2, Json.MAPPER.readTree(out.resolve("R2R_val_seen.json").toFile()).size());
        assertEquals(4, Json.MAPPER.readTree(out.resolve("R2R_val_unseen.json").toFile()).size());
        for (JsonNode s : houses.get("scans")) {
            String scan = s.get("scan").asText();
            assertEquals(4, s.get("rooms").size());
            JsonNode conn = Json.MAPPER.readTree(out.resolve("connectivity").resolve(scan + "_connectivity.json").toFile());
            for (JsonNode v : conn)
                try (var views = Files.list(out.resolve("views").resolve(scan).resolve(v.get("image_id").asText()))) {
                    assertEquals(36, views.count());
                }
        }
        try (var hidden = Files.walk(out)) {
            assertTrue(hidden.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left behind");
        }
    }

    @Test
    void badOptionsAreUsageErrors(@TempDir Path tmp) throws Exception {
        String out = tmp.resolve("x").toString();
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "houses", "--count", "0", "--out", out));
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "houses", "--rooms", "4", "--out", out));
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "houses", "--rooms", "1,3", "--out", out));
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "houses", "--rooms", "4,x", "--out", out));
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "houses", "--view-size", "8", "--out", out));
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "houses", "--unseen", "1", "--out", out));
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "houses", "--train-paths", "-1", "--out", out));
        assertEquals(ExitCodes.OK, Tools.run(new SynthTool(), "houses", "--help"));
        assertFalse(Files.exists(tmp.resolve("x")));
        Files.createDirectories(tmp.resolve("full"));
        Files.writeString(tmp.resolve("full").resolve("keep.txt"), "mine");
        assertEquals(ExitCodes.USAGE, Tools.run(new SynthTool(), "houses", "--out", tmp.resolve("full").toString()));
    }
}
