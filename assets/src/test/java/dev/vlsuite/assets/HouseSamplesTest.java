package dev.vlsuite.assets;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.Tools;
import dev.vlsuite.shared.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HouseSamplesTest {
    @Test
    void bundledHousesAreWhatTheDocumentedCommandMakes(@TempDir Path dir, @TempDir Path tmp) throws Exception {
        HouseSamples.extractTo(dir);
        Path fresh = tmp.resolve("fresh");
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(HouseSamples.COMMAND), java.util.stream.Stream.of("--out", fresh.toString()))
                .toArray(String[]::new);
        assertEquals(ExitCodes.OK, Tools.run(new SynthTool(), args));
        List<Path> files;
        try (var s = Files.walk(fresh)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(HouseSamples.files().size(), files.size(), "the bundle lists every file the command writes");
        for (Path f : files)
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(dir.resolve(fresh.relativize(f))),
                    fresh.relativize(f) + " is stale: regenerate with the command in assets/README.md");
    }

    @Test
    void folderHoldsOneSeenAndOneUnseenHouse(@TempDir Path cache) throws Exception {
        String before = System.getProperty("vlsuite.cache");
        System.setProperty("vlsuite.cache", cache.toString());
        try {
            checkFolder(cache);
        } finally {
            if (before == null) System.clearProperty("vlsuite.cache");
            else System.setProperty("vlsuite.cache", before);
        }
    }

    private static void checkFolder(Path cache) throws Exception {
        Path dir = HouseSamples.folder();
        assertTrue(dir.startsWith(cache), dir.toString());
        assertEquals(dir, HouseSamples.folder(), "extracted once, then reused");
        assertEquals(List.of("house0000", "house0001"), HouseSamples.scans());
        JsonNode splits = Json.MAPPER.readTree(dir.resolve("houses.json").toFile()).get("splits");
        assertEquals("house0000", splits.get("train").get(0).asText());
        assertEquals("house0001", splits.get("val_unseen").get(0).asText());
        for (String split : List.of("train", "val_seen", "val_unseen"))
            assertTrue(Json.MAPPER.readTree(dir.resolve("R2R_" + split + ".json").toFile()).size() >= 5, split);
        assertTrue(Files.isRegularFile(dir.resolve("connectivity/house0001_connectivity.json")));
    }
}
