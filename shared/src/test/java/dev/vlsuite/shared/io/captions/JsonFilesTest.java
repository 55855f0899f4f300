package dev.vlsuite.shared.io.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.shared.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming tree builder gives what ObjectMapper.readTree gave before it (the caption readers rely on it). */
class JsonFilesTest {
    @TempDir Path dir;

    @Test
    void sameTreeAsObjectMapper() throws Exception {
        String text = "\uFEFF {\"a\": [1, -2, 3000000000, 123456789012345678901234567890, 1.5e3, -0.25, true, false, null],"
                + " \"b\": {\"c\": \"x\\u00e9\\n\\\"q\\\"\", \"d\": {}, \"e\": [], \"f\": [[\"deep\", {\"g\": \"h\"}]]},"
                + " \"a\": \"repeated key: last wins\", \"\u00fcnicode\": \"caf\u00e9 \uD83D\uDE00\"} trailing";
        Path f = dir.resolve("t.json");
        Files.writeString(f, text.replace("\uFEFF", ""));
        assertEquals(Json.MAPPER.readTree(f.toFile()), JsonFiles.read(f));
        assertTrue(JsonFiles.read(f).get("b").get("f").get(0).get(1).get("g").isTextual());
        assertTrue(JsonFiles.read(f).get("b").get("c").asText().contains("\"q\""));
    }

    @Test
    void idsKeepTheirDigitsWhateverTheirSize() throws Exception {
        Path f = dir.resolve("ids.json");
        Files.writeString(f, "[7, 3000000000, 123456789012345678901234567890, \"x9\"]");
        var n = JsonFiles.read(f);
        assertEquals("7", JsonFiles.id(f, n.get(0), "0"));
        assertEquals("3000000000", JsonFiles.id(f, n.get(1), "1"));
        assertEquals("123456789012345678901234567890", JsonFiles.id(f, n.get(2), "2"));
        assertEquals("x9", JsonFiles.id(f, n.get(3), "3"));
    }

    @Test
    void truncatedAndEmptyFilesNameTheFileAndReason() throws Exception {
        Path cut = dir.resolve("cut.json");
        Files.writeString(cut, "{\"1\": [\"x\", {\"k\": ");
        var e = assertThrows(CaptionFormatException.class, () -> JsonFiles.read(cut));
        assertTrue(e.getMessage().contains("cut.json") && e.getMessage().contains("malformed JSON"), e.getMessage());
        Path blank = dir.resolve("blank.json");
        Files.writeString(blank, "  \n");
        var b = assertThrows(CaptionFormatException.class, () -> JsonFiles.read(blank));
        assertTrue(b.getMessage().contains("blank.json") && b.getMessage().contains("empty file"), b.getMessage());
    }
}
