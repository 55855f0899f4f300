package dev.vlsuite.shared.metrics.meteor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * METEOR's WordNet tables (lemma -> synset ids, inflected form -> base forms) in a compact binary file
 * written at build time ({@link #main}, run by the shared module's pom at process-classes) from the
 * same parse of extjwnl-data-wn30 that {@link WordNetSynonyms} falls back to. Loading it is a few
 * array reads instead of parsing 7 MB of index.sense, and the lemmas live in a handful of primitive
 * arrays instead of 150,000 strings and maps, which also keeps the first garbage collections short
 * (bin/score runs once per corpus: BENCHMARKS.md).
 *
 * <p>Lemmas are ASCII (checked when written), sorted, found by binary search.
 */
final class WordNetIndex {
    static final String RESOURCE = "/dev/vlsuite/shared/metrics/meteor/wn30-meteor.idx";
    private static final int MAGIC = 0x574E3330; // "WN30"
    private static final int VERSION = 1;

    private final byte[] chars;
    private final int[] lemmaStart; // lemma i is chars[lemmaStart[i], lemmaStart[i + 1])
    private final int[] idStart;    // its synset ids are ids[idStart[i], idStart[i + 1])
    private final int[] ids;
    private final Map<String, List<String>> formToBases;

    private WordNetIndex(byte[] chars, int[] lemmaStart, int[] idStart, int[] ids, Map<String, List<String>> formToBases) {
        this.chars = chars;
        this.lemmaStart = lemmaStart;
        this.idStart = idStart;
        this.ids = ids;
        this.formToBases = formToBases;
    }

    /** The index on the classpath, or null when the build did not write it (e.g. classes compiled by an IDE). */
    static WordNetIndex fromClasspath() throws IOException {
        InputStream in = WordNetIndex.class.getResourceAsStream(RESOURCE);
        if (in == null) return null;
        try (DataInputStream d = new DataInputStream(new BufferedInputStream(in, 1 << 16))) {
            return read(d);
        }
    }

    int lemmaCount() {
        return lemmaStart.length - 1;
    }

    /** Sorted synset ids of a lemma; null when it is not one. */
    int[] synsets(String word) {
        int i = find(word);
        return i < 0 ? null : java.util.Arrays.copyOfRange(ids, idStart[i], idStart[i + 1]);
    }

    boolean isLemma(String word) {
        return find(word) >= 0;
    }

    Map<String, List<String>> formToBases() {
        return formToBases;
    }

    /** Every lemma with its ids (for tests comparing with the parsed files). */
    Map<String, int[]> lemmas() {
        Map<String, int[]> out = new HashMap<>(lemmaCount() * 2);
        for (int i = 0; i < lemmaCount(); i++) {
            String w = new String(chars, lemmaStart[i], lemmaStart[i + 1] - lemmaStart[i], java.nio.charset.StandardCharsets.ISO_8859_1);
            out.put(w, java.util.Arrays.copyOfRange(ids, idStart[i], idStart[i + 1]));
        }
        return out;
    }

    private int find(String word) {
        int lo = 0;
        int hi = lemmaCount() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(mid, word);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    // lemma i against word, in String.compareTo order (lemmas are ASCII, so chars compare like bytes)
    private int compare(int i, String word) {
        int from = lemmaStart[i];
        int len = lemmaStart[i + 1] - from;
        int n = Math.min(len, word.length());
        for (int k = 0; k < n; k++) {
            int c = (chars[from + k] & 0xFF) - word.charAt(k);
            if (c != 0) return c;
        }
        return len - word.length();
    }

    static WordNetIndex read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != VERSION) throw new IOException("not a vlsuite WordNet index (version " + VERSION + ")");
        int n = in.readInt();
        int[] lemmaStart = new int[n + 1];
        int[] idStart = new int[n + 1];
        for (int i = 1; i <= n; i++) lemmaStart[i] = in.readInt();
        for (int i = 1; i <= n; i++) idStart[i] = in.readInt();
        byte[] chars = new byte[lemmaStart[n]];
        in.readFully(chars);
        int[] ids = new int[idStart[n]];
        for (int i = 0; i < ids.length; i++) ids[i] = in.readInt();
        int forms = in.readInt();
        Map<String, List<String>> bases = new HashMap<>(forms * 2);
        for (int f = 0; f < forms; f++) {
            String form = in.readUTF();
            int k = in.readInt();
            List<String> b = new ArrayList<>(k);
            for (int j = 0; j < k; j++) b.add(in.readUTF());
            bases.put(form, b);
        }
        return new WordNetIndex(chars, lemmaStart, idStart, ids, bases);
    }

    static void write(Map<String, int[]> wordToSynsets, Map<String, List<String>> formToBases, OutputStream out) throws IOException {
        TreeMap<String, int[]> sorted = new TreeMap<>(wordToSynsets);
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(sorted.size());
        int end = 0;
        for (String w : sorted.keySet()) {
            for (int k = 0; k < w.length(); k++) {
                if (w.charAt(k) >= 128) throw new IOException("WordNet lemma is not ASCII: " + w);
            }
            d.writeInt(end += w.length());
        }
        end = 0;
        for (int[] s : sorted.values()) d.writeInt(end += s.length);
        for (String w : sorted.keySet()) d.writeBytes(w);
        for (int[] s : sorted.values()) for (int id : s) d.writeInt(id);
        TreeMap<String, List<String>> forms = new TreeMap<>(formToBases);
        d.writeInt(forms.size());
        for (var e : forms.entrySet()) {
            d.writeUTF(e.getKey());
            d.writeInt(e.getValue().size());
            for (String b : e.getValue()) d.writeUTF(b);
        }
        d.flush();
    }

    /** Build step: writes the index from extjwnl-data-wn30 to the given file (temp file + rename). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            write(WordNetSynonyms.parseSynsets(), WordNetSynonyms.parseExceptions(), out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
