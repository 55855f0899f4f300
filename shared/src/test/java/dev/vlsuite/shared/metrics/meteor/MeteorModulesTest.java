package dev.vlsuite.shared.metrics.meteor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which module matches what, and the paraphrase table. */
class MeteorModulesTest {

    private static Meteor meteor;

    @BeforeAll
    static void load() throws IOException {
        meteor = Meteor.create(MeteorOptions.defaults());
    }

    private static SegmentStats align(String test, String ref) {
        return meteor.segmentStats(test, List.of(ref));
    }

    @Test
    void stemMatchesInflections() {
        SegmentStats s = align("the dogs ran", "the dog ran");
        assertArrayEquals(new int[] {1, 1, 0, 0}, s.testContentMatches());
        assertArrayEquals(new int[] {1, 0, 0, 0}, s.testFunctionMatches());
        assertEquals(1, s.chunks());
        // every word matched in one chunk: no fragmentation; content words weigh 0.75, "the" 0.25
        double matched = 0.75 * 1.0 + 0.75 * 0.6 + 0.25 * 1.0;
        double length = 0.75 * 2 + 0.25;
        assertEquals(matched / length, meteor.segmentScore(s), 1e-12);
    }

    @Test
    void isolatedNonExactMatchesLoseToFewerChunks() {
        // METEOR 1.5 ranks partial alignments by int counters that a one-word stem/synonym match
        // (search weight 0.5) leaves unchanged, so a contested match (here stem and synonym both
        // propose one) that would open its own chunk loses to leaving the word unmatched ...
        assertEquals(0, align("dogs running", "dog runs").testWordMatches());
        // ... while a lone proposal is fixed before the search
        assertEquals(1, align("car", "automobile").testWordMatches());
        assertEquals(3, align("a red car", "a red automobile").testWordMatches());
    }

    @Test
    void exactBeatsStemForTheSameWord() {
        SegmentStats s = align("a dog and dogs", "dogs and a dog");
        assertEquals(4, s.testWordMatches());
        assertArrayEquals(new int[] {2, 0, 0, 0}, s.testContentMatches());
        assertArrayEquals(new int[] {2, 0, 0, 0}, s.testFunctionMatches());
    }

    @Test
    void wordNetSynonyms() {
        SegmentStats s = align("a red car", "a red automobile");
        assertArrayEquals(new int[] {1, 0, 1, 0}, s.testContentMatches());
        assertArrayEquals(new int[] {1, 0, 0, 0}, s.testFunctionMatches());
        double matched = 0.75 * 1.0 + 0.75 * 0.8 + 0.25 * 1.0;
        assertEquals(matched / (0.75 * 2 + 0.25), meteor.segmentScore(s), 1e-12);
    }

    @Test
    void synonymsThroughMorphologyAndExceptionLists() {
        // "cars" -> "car" by WordNet's suffix rules; "geese" -> "goose" by noun.exc (stems differ)
        assertArrayEquals(new int[] {1, 0, 1, 0}, align("a red cars", "a red automobile").testContentMatches());
        assertArrayEquals(new int[] {1, 0, 1, 0}, align("white geese", "white goose").testContentMatches());
        assertArrayEquals(new int[] {1, 0, 0, 0}, align("a red car", "a red banana").testContentMatches());
    }

    @Test
    void paraphraseTableAddsPhraseMatches(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("paraphrase-test.gz");
        writeTable(table, "0.5\nblip blop\nzorp\n0.25\nunused phrase\nnever\n");
        Meteor withTable = Meteor.create(MeteorOptions.defaults().withParaphraseTable(table));
        assertEquals("METEOR", withTable.name());

        String test = "a zorp sits here";
        String ref = "a blip blop sits here";
        SegmentStats without = meteor.segmentStats(test, List.of(ref));
        SegmentStats with = withTable.segmentStats(test, List.of(ref));
        assertEquals(0, without.testContentMatches()[3]);
        assertEquals(2, without.testContentMatches()[0]);
        // one test word matched two reference words through the paraphrase module
        assertArrayEquals(new int[] {2, 0, 0, 1}, with.testContentMatches());
        assertArrayEquals(new int[] {2, 0, 0, 2}, with.referenceContentMatches());
        assertEquals(1, with.chunks());
        assertTrue(withTable.segmentScore(with) > meteor.segmentScore(without));
    }

    @Test
    void truncatedParaphraseTableIsATypedError(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("broken.gz");
        writeTable(table, "0.5\nblip blop\n");
        IOException e = assertThrows(IOException.class,
                () -> Meteor.create(MeteorOptions.defaults().withParaphraseTable(table)));
        assertTrue(e.getMessage().contains("broken.gz"), e.getMessage());
        Path plain = dir.resolve("plain.gz");
        Files.writeString(plain, "not gzip");
        assertThrows(IOException.class, () -> ParaphraseTable.load(plain));
    }

    static void writeTable(Path file, String content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
             Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            w.write(content);
        }
    }
}
