package dev.vlsuite.shared.metrics.meteor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;
import java.util.zip.GZIPInputStream;

/**
 * METEOR's paraphrase table (e.g. paraphrase-en.gz): gzip text, three lines per entry — probability
 * (ignored, as METEOR ignores it), phrase, paraphrase. Phrases are stored in a word trie so that all
 * phrases starting at a position are found in one walk, shortest first, table order within a length,
 * which is the order METEOR proposes paraphrase matches in.
 */
public final class ParaphraseTable {

    private final Map<String, Integer> vocabulary;
    private final Node root;
    private final List<int[]> paraphrases;

    private ParaphraseTable(Map<String, Integer> vocabulary, Node root, List<int[]> paraphrases) {
        this.vocabulary = vocabulary;
        this.root = root;
        this.paraphrases = paraphrases;
    }

    /**
     * Reads a table file.
     *
     * @throws IOException when the file cannot be read, is not gzip, or ends inside an entry (the
     *                     message names the file and the line)
     */
    public static ParaphraseTable load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": paraphrase table not found");
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        Node root = new Node();
        List<int[]> paraphrases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            long lineNumber = 0;
            for (String probability; (probability = in.readLine()) != null; ) {
                lineNumber++;
                String phrase = in.readLine();
                String paraphrase = phrase == null ? null : in.readLine();
                if (paraphrase == null) {
                    throw new IOException(file + ": entry starting at line " + lineNumber
                            + " is incomplete (expected probability, phrase, paraphrase lines)");
                }
                lineNumber += 2;
                int[] phraseIds = toIds(phrase, vocabulary);
                int[] paraphraseIds = toIds(paraphrase, vocabulary);
                root.add(phraseIds, 0, paraphrases.size());
                paraphrases.add(paraphraseIds);
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + ": not a gzip paraphrase table (" + e.getMessage() + ")", e);
        }
        return new ParaphraseTable(vocabulary, root, paraphrases);
    }

    /** Number of entries. */
    public int size() {
        return paraphrases.size();
    }

    /** Word id in the table's vocabulary, or -1 for a word the table never mentions. */
    int id(String word) {
        Integer id = vocabulary.get(word);
        return id == null ? -1 : id;
    }

    /** Pairs (phrase length, entry index) for every table phrase that starts at words[start]. */
    int[] phrasesAt(int[] words, int start) {
        int[] found = new int[8];
        int n = 0;
        Node node = root;
        for (int i = start; i < words.length; i++) {
            node = node.next == null ? null : node.next.get(words[i]);
            if (node == null) {
                break;
            }
            for (int entry : node.entries) {
                if (n + 2 > found.length) {
                    found = Arrays.copyOf(found, found.length * 2);
                }
                found[n++] = i - start + 1;
                found[n++] = entry;
            }
        }
        return Arrays.copyOf(found, n);
    }

    /** The paraphrase side of an entry, as word ids. */
    int[] paraphrase(int entry) {
        return paraphrases.get(entry);
    }

    private static int[] toIds(String line, Map<String, Integer> vocabulary) {
        StringTokenizer tok = new StringTokenizer(line);
        int[] ids = new int[tok.countTokens()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.computeIfAbsent(tok.nextToken(), k -> vocabulary.size());
        }
        return ids;
    }

    private static final class Node {
        private Map<Integer, Node> next;
        private int[] entries = new int[0];

        void add(int[] words, int from, int entry) {
            if (from == words.length) {
                entries = Arrays.copyOf(entries, entries.length + 1);
                entries[entries.length - 1] = entry;
                return;
            }
            if (next == null) {
                next = new HashMap<>(4);
            }
            next.computeIfAbsent(words[from], k -> new Node()).add(words, from + 1, entry);
        }
    }
}
