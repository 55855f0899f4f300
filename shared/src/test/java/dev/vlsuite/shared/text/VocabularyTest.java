package dev.vlsuite.shared.text;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {
    private static final List<List<String>> CAPTIONS = List.of(
            List.of("a", "red", "circle"),
            List.of("a", "blue", "square"),
            List.of("a", "red", "square", "left"),
            List.of("the", "zebra"));

    @Test
    void specialsComeFirstThenCountDescWordAsc() {
        Vocabulary v = Vocabulary.build(CAPTIONS, 1);
        // counts: a=3, red=2, square=2, blue=1, circle=1, left=1, the=1, zebra=1
        assertEquals(List.of("<pad>", "<start>", "<end>", "<unk>", "a", "red", "square",
                "blue", "circle", "left", "the", "zebra"), v.words());
        assertEquals(0, v.id("<pad>"));
        assertEquals(1, v.id("<start>"));
        assertEquals(2, v.id("<end>"));
        assertEquals(3, v.id("<unk>"));
        assertEquals(12, v.size());
    }

    @Test
    void minCountDropsRareWordsAndUnknownMapsToUnk() {
        Vocabulary v = Vocabulary.build(CAPTIONS, 2);
        assertEquals(List.of("<pad>", "<start>", "<end>", "<unk>", "a", "red", "square"), v.words());
        assertEquals(Vocabulary.UNK_ID, v.id("zebra"));
        assertEquals(Vocabulary.UNK_ID, v.id("never-seen"));
        assertFalse(v.contains("zebra"));
    }

    @Test
    void buildIsIndependentOfSentenceOrder() {
        List<List<String>> reversed = new java.util.ArrayList<>(CAPTIONS);
        java.util.Collections.reverse(reversed);
        assertEquals(Vocabulary.build(CAPTIONS, 1), Vocabulary.build(reversed, 1));
    }

    @Test
    void encodeDecodeRoundTrip() {
        Vocabulary v = Vocabulary.build(CAPTIONS, 1);
        int[] ids = v.encode(List.of("a", "red", "square"), true);
        assertArrayEquals(new int[] {1, v.id("a"), v.id("red"), v.id("square"), 2}, ids);
        assertEquals(List.of("a", "red", "square"), v.decode(ids));
        assertArrayEquals(new int[] {v.id("red"), 3}, v.encode(List.of("red", "purple"), false));
    }

    @Test
    void decodeStopsAtEndAndSkipsPadAndStart() {
        Vocabulary v = Vocabulary.build(CAPTIONS, 1);
        int red = v.id("red"), circle = v.id("circle");
        assertEquals(List.of("red", "circle"), v.decode(new int[] {1, red, 0, circle, 2, red, red}));
        assertEquals(List.of("<unk>"), v.decode(new int[] {3, 2}));
        assertThrows(IndexOutOfBoundsException.class, () -> v.word(99));
    }

    @Test
    void jsonRoundTripKeepsEveryId(@TempDir Path dir) throws Exception {
        Vocabulary v = Vocabulary.build(CAPTIONS, 1);
        Vocabulary back = Vocabulary.fromJson(v.toJson());
        assertEquals(v.words(), back.words());
        Path f = dir.resolve("vocab.json");
        v.save(f);
        assertEquals(v, Vocabulary.load(f));
        assertTrue(Files.readString(f).contains("\"words\""));
    }

    @Test
    void fromJsonRejectsBadInput(@TempDir Path dir) throws Exception {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.fromJson("{\"words\":[\"a\",\"b\"]}"));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.fromJson("not json"));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.fromJson("{}"));
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"words\":[\"<pad>\",\"<start>\",\"<end>\",\"<unk>\",\"a\",\"a\"]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.load(f));
        assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
    }
}
