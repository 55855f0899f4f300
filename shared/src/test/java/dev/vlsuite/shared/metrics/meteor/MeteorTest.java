package dev.vlsuite.shared.metrics.meteor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.shared.metrics.MetricScore;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MeteorTest {

    private static Meteor meteor;

    @BeforeAll
    static void load() throws IOException {
        meteor = Meteor.create(MeteorOptions.defaults());
    }

    @Test
    void publishedCocoValue() {
        SegmentStats s = meteor.segmentStats("this is a good test", List.of("this is a test", "this is also a test"));
        assertEquals(0.4443438716486749, meteor.segmentScore(s), 1e-9);
        MetricScore score = meteor.score(Map.of("1", List.of("this is a test", "this is also a test")),
                Map.of("1", "this is a good test"));
        assertEquals(0.4443438716486749, score.corpus(), 1e-9);
        assertEquals(0.4443438716486749, score.perImage().get("1"), 1e-9);
        assertEquals("METEOR (exact+stem+synonym)", score.name());
    }

    @Test
    void bestReferenceStatisticsAreKept() {
        // "this is a test" (4 words, 2 chunks) beats "this is also a test" (5 words)
        SegmentStats s = meteor.segmentStats("this is a good test", List.of("this is a test", "this is also a test"));
        assertEquals(5, s.testLength());
        assertEquals(4, s.referenceLength());
        assertEquals(4, s.testWordMatches());
        assertEquals(2, s.chunks());
        assertEquals("5.0 4.0 3.0 3.0 1.0 1.0 3.0 3.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 2.0 4.0 4.0",
                s.toMeteorString());
    }
}
