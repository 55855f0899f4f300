package dev.vlsuite.navigation.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeAndFeatureFilesTest {
    @TempDir Path tmp;

    @Test
    void readsR2REpisodesAndReportsBadEntries() throws Exception {
        Path f = tmp.resolve("R2R_val_seen.json");
        Files.writeString(f, """
            [{"distance": 9.5, "scan": "house0001", "path_id": 4332, "path": ["aa", "bb", "cc"], "heading": 4.05,
              "instructions": ["Walk out of the kitchen.", "Go out.", "Leave."]},
             {"scan": "house0001", "path_id": "x", "path": ["aa"]},
             {"scan": "house0002", "path_id": 7, "path": ["dd"], "heading": 0.5, "instructions": ["Stay."]}]""");
        List<String> bad = new ArrayList<>();
        List<Episode> eps = EpisodeReader.read(f, bad::add);
        assertEquals(2, eps.size());
        Episode e = eps.get(0);
        assertEquals("house0001", e.scan());
        assertEquals("aa", e.start());
        assertEquals("cc", e.goal());
        assertEquals(4.05, e.heading(), 0);
        assertEquals("4332_2", e.instrId(2));
        assertEquals(4332, Episode.pathIdOf("4332_2"));
        assertEquals(1, bad.size());
        assertTrue(bad.get(0).startsWith(f + ": episode 1: "), bad.get(0));
        assertThrows(NavigationDataException.class, () -> EpisodeReader.read(f));
    }

    @Test
    void tsvRoundTripInTheBaselineLayout() throws Exception {
        int d = 5;
        Map<String[], float[]> pan = new LinkedHashMap<>();
        float[] a = new float[36 * d], b = new float[36 * d];
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 0.25f - 3;
            b[i] = (float) Math.sin(i);
        }
        pan.put(new String[] {"house0001", "aa"}, a);
        pan.put(new String[] {"house0001", "bb"}, b);
        Path f = tmp.resolve("feats.tsv");
        TsvViewFeatures.write(f, pan);
        List<String> lines = Files.readAllLines(f);
        assertEquals(2, lines.size());
        String[] cols = lines.get(0).split("\t");
        assertEquals(List.of("house0001", "aa", "640", "480", "60"), List.of(cols).subList(0, 5));
        // the features column is numpy's little-endian float32 bytes, base64
        byte[] raw = java.util.Base64.getDecoder().decode(cols[5]);
        assertEquals(36 * d * 4, raw.length);
        assertEquals(a[7], java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN).getFloat(7 * 4), 0);

        Files.writeString(f, lines.get(0) + "\n" + "house0001\tcc\t640\t480\t60\t!!!\n" + lines.get(1) + "\nshort\tline\n", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        List<String> bad = new ArrayList<>();
        TsvViewFeatures t = TsvViewFeatures.read(f, bad::add);
        assertEquals(2, t.size());
        assertEquals(d, t.dim());
        assertArrayEquals(b, t.panorama("house0001", "bb"));
        float[] view13 = t.view("house0001", "aa", 13);
        for (int k = 0; k < d; k++) assertEquals(a[13 * d + k], view13[k], 0);
        assertEquals(2, bad.size(), bad.toString());
        assertTrue(bad.get(0).contains("line 2") && bad.get(0).contains("base64"), bad.get(0));
        assertThrows(NavigationDataException.class, () -> t.panorama("house0001", "zz"));
    }
}
