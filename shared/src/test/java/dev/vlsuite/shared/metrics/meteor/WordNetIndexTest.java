package dev.vlsuite.shared.metrics.meteor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The index the build writes holds exactly what parsing the WordNet 3.0 files of extjwnl-data-wn30 gives. */
class WordNetIndexTest {
    @Test
    void builtIndexEqualsTheParsedDictionaryFiles() throws Exception {
        WordNetIndex index = WordNetIndex.fromClasspath();
        assertNotNull(index, "the build (process-classes) writes " + WordNetIndex.RESOURCE);
        Map<String, int[]> parsed = WordNetSynonyms.parseSynsets();
        Map<String, int[]> indexed = index.lemmas();
        assertTrue(parsed.size() > 140_000, "WordNet 3.0 has ~148k lemmas in index.sense: " + parsed.size());
        assertEquals(parsed.keySet(), indexed.keySet());
        for (var e : parsed.entrySet()) {
            assertArrayEquals(e.getValue(), indexed.get(e.getKey()), e.getKey());
            assertArrayEquals(e.getValue(), index.synsets(e.getKey()), e.getKey());
        }
        assertEquals(WordNetSynonyms.parseExceptions(), index.formToBases());
        assertNull(index.synsets("qqxq-not-a-word"));
        assertNull(index.synsets(""));
        assertNull(index.synsets("caf\u00e9"));
    }

    @Test
    void synonymLookupsAgreeWithTheParsedFiles() {
        WordNetSynonyms fromIndex = WordNetSynonyms.english();
        WordNetSynonyms fromFiles = WordNetSynonyms.parsed();
        // inflections through the exception lists and through the suffix rules, words that are not lemmas
        for (String w : List.of("dog", "dogs", "men", "geese", "running", "ran", "better", "boxes", "churches", "ladies",
                "bus", "glass", "is", "was", "bigger", "a", "on", "the", "zzzz", "skateboarding", "giraffes", "xyzzies", "pass")) {
            assertArrayEquals(fromFiles.synsetsOf(w), fromIndex.synsetsOf(w), w);
        }
        assertTrue(WordNetSynonyms.intersects(fromIndex.synsetsOf("car"), fromIndex.synsetsOf("automobiles")));
        assertFalse(WordNetSynonyms.intersects(fromIndex.synsetsOf("car"), fromIndex.synsetsOf("banana")));
    }

    @Test
    void writeThenReadRoundTripsAndRejectsNonAscii() throws Exception {
        var out = new ByteArrayOutputStream();
        WordNetIndex.write(Map.of("b", new int[] {3, 9}, "a", new int[] {1}, "ab", new int[] {}), Map.of("went", List.of("go")), out);
        WordNetIndex back = WordNetIndex.read(new java.io.DataInputStream(new ByteArrayInputStream(out.toByteArray())));
        assertArrayEquals(new int[] {1}, back.synsets("a"));
        assertArrayEquals(new int[] {}, back.synsets("ab"));
        assertArrayEquals(new int[] {3, 9}, back.synsets("b"));
        assertNull(back.synsets("c"));
        assertEquals(Map.of("went", List.of("go")), back.formToBases());
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> WordNetIndex.write(Map.of("caf\u00e9", new int[] {1}), Map.of(), new ByteArrayOutputStream()));
    }
}
