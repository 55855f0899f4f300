package dev.vlsuite.shared.metrics.meteor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * METEOR 1.5's synonym dictionary, rebuilt from the original Princeton WordNet 3.0 files carried by
 * the Maven artifact net.sf.extjwnl:extjwnl-data-wn30 (WordNet licence: see that jar).
 *
 * <p>METEOR ships "english.synsets" (lemma -> synset offsets, made from index.sense) and
 * "english.exceptions" (inflected form -> base forms, made from the four *.exc files). Offsets are
 * plain integers without their part of speech, so a noun and a verb synset that happen to start at
 * the same byte offset of their data files count as shared: reproduced here on purpose. A word's
 * synsets are those of the word itself plus those of its base forms: from the exception lists when
 * the word is listed there, otherwise from WordNet's morphological suffix rules.
 */
final class WordNetSynonyms {

    private static final String WN30 = "/net/sf/extjwnl/data/wordnet/wn30/";
    private static final String[] EXCEPTION_FILES = {"adj.exc", "adv.exc", "noun.exc", "verb.exc"};
    private static final int[] NONE = new int[0];
    private static final int CACHE_LIMIT = 1 << 20;

    // WordNet 3.0 morphy detachment rules (noun, verb, adjective), tried in this order
    private static final String[] SUFFIXES = {
        "s", "ses", "xes", "zes", "ches", "shes", "men", "ies",
        "s", "ies", "es", "es", "ed", "ed", "ing", "ing",
        "er", "est", "er", "est"};
    private static final String[] ENDINGS = {
        "", "s", "x", "z", "ch", "sh", "man", "y",
        "", "y", "e", "", "e", "", "e", "",
        "", "", "e", "e"};

    private static volatile WordNetSynonyms english;

    private final Function<String, int[]> lemmaSynsets; // null for a word that is not a lemma
    private final Map<String, List<String>> formToBases;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    private WordNetSynonyms(Function<String, int[]> lemmaSynsets, Map<String, List<String>> formToBases) {
        this.lemmaSynsets = lemmaSynsets;
        this.formToBases = formToBases;
    }

    /** From the index the build writes ({@link WordNetIndex}); parsing the WordNet files when it is missing. */
    private static WordNetSynonyms load() {
        try {
            WordNetIndex index = WordNetIndex.fromClasspath();
            if (index != null) return new WordNetSynonyms(index::synsets, index.formToBases());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WordNetIndex.RESOURCE, e);
        }
        return parsed();
    }

    /** Straight from the WordNet 3.0 files (what the index is built from; tests compare the two). */
    static WordNetSynonyms parsed() {
        return new WordNetSynonyms(parseSynsets()::get, parseExceptions());
    }

    /** The shared English dictionary, loaded once on first use (from the build's index: about 0.1 s). */
    static WordNetSynonyms english() {
        WordNetSynonyms d = english;
        if (d == null) {
            synchronized (WordNetSynonyms.class) {
                d = english;
                if (d == null) {
                    d = load();
                    english = d;
                }
            }
        }
        return d;
    }

    /** Sorted synset ids that METEOR's synonym matcher compares for this word (own senses + base forms). */
    int[] synsetsOf(String word) {
        int[] cached = cache.get(word);
        if (cached != null) {
            return cached;
        }
        int[] ids = orNone(lemmaSynsets.apply(word));
        List<String> bases = formToBases.get(word);
        if (bases != null) {
            for (String base : bases) {
                ids = union(ids, orNone(lemmaSynsets.apply(base)));
            }
        } else {
            ids = union(ids, orNone(lemmaSynsets.apply(morphologicalBase(word))));
        }
        if (cache.size() < CACHE_LIMIT) {
            cache.put(word, ids);
        }
        return ids;
    }

    /** True when the two sorted id arrays share an element. */
    static boolean intersects(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    // The first rule whose stripped form is a WordNet lemma wins; "" when none applies.
    // Short words and words in -ss are looked up as they are.
    private String morphologicalBase(String word) {
        if (word.endsWith("ss") || word.length() <= 2) {
            return word;
        }
        for (int i = 0; i < SUFFIXES.length; i++) {
            if (word.endsWith(SUFFIXES[i])) {
                String base = word.substring(0, word.length() - SUFFIXES[i].length()) + ENDINGS[i];
                if (lemmaSynsets.apply(base) != null) {
                    return base;
                }
            }
        }
        return "";
    }

    private static int[] orNone(int[] ids) {
        return ids == null ? NONE : ids;
    }

    private static int[] union(int[] a, int[] b) {
        if (b.length == 0 || a == b) {
            return a;
        }
        if (a.length == 0) {
            return b;
        }
        int[] merged = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, merged, a.length, b.length);
        return sortedDistinct(merged, merged.length);
    }

    // index.sense lines: "lemma%sense_key_rest synset_offset sense_number tag_count", sorted by key.
    // Like METEOR's build script, senses of one lemma are grouped while consecutive.
    static Map<String, int[]> parseSynsets() {
        Map<String, int[]> synsets = new HashMap<>(200_000);
        try (BufferedReader in = open("index.sense")) {
            String current = null;
            int[] ids = new int[16];
            int count = 0;
            for (String line; (line = in.readLine()) != null; ) {
                int percent = line.indexOf('%');
                int space = line.indexOf(' ');
                int space2 = line.indexOf(' ', space + 1);
                if (percent < 0 || space < 0) {
                    continue;
                }
                String word = line.substring(0, percent);
                int offset = parseOffset(line, space + 1, space2 < 0 ? line.length() : space2);
                if (!word.equals(current)) {
                    if (current != null) {
                        synsets.put(current, sortedDistinct(ids, count));
                    }
                    current = word;
                    count = 0;
                }
                if (count == ids.length) {
                    ids = Arrays.copyOf(ids, count * 2);
                }
                ids[count++] = offset;
            }
            if (current != null) {
                synsets.put(current, sortedDistinct(ids, count));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read WordNet 3.0 index.sense from extjwnl-data-wn30", e);
        }
        return synsets;
    }

    // *.exc lines: "inflected base1 [base2 ...]"
    static Map<String, List<String>> parseExceptions() {
        Map<String, List<String>> bases = new HashMap<>();
        for (String file : EXCEPTION_FILES) {
            try (BufferedReader in = open(file)) {
                for (String line; (line = in.readLine()) != null; ) {
                    StringTokenizer tok = new StringTokenizer(line);
                    if (!tok.hasMoreTokens()) {
                        continue;
                    }
                    String form = tok.nextToken();
                    while (tok.hasMoreTokens()) {
                        bases.computeIfAbsent(form, k -> new ArrayList<>(2)).add(tok.nextToken());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read WordNet 3.0 " + file + " from extjwnl-data-wn30", e);
            }
        }
        return bases;
    }

    private static int[] sortedDistinct(int[] ids, int count) {
        int[] sorted = Arrays.copyOf(ids, count);
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (n == 0 || sorted[i] != sorted[n - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }

    // Offsets are 8 decimal digits; parsed without allocating a substring
    private static int parseOffset(String line, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("bad synset offset in index.sense line: " + line);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static BufferedReader open(String file) {
        InputStream in = WordNetSynonyms.class.getResourceAsStream(WN30 + file);
        if (in == null) {
            throw new IllegalStateException("WordNet 3.0 file " + file
                    + " not on the classpath: add net.sf.extjwnl:extjwnl-data-wn30:1.2");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }
}
