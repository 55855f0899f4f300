package dev.vlsuite.shared.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word <-> id table of a captioning or VQA model. Ids 0..3 are the special tokens
 * {@code <pad> <start> <end> <unk>}; the other words follow by count (desc), ties by word (asc),
 * so the same captions always give the same ids. Immutable.
 */
public final class Vocabulary {
    public static final String PAD = "<pad>";
    public static final String START = "<start>";
    public static final String END = "<end>";
    public static final String UNK = "<unk>";
    public static final int PAD_ID = 0;
    public static final int START_ID = 1;
    public static final int END_ID = 2;
    public static final int UNK_ID = 3;
    private static final List<String> SPECIALS = List.of(PAD, START, END, UNK);

    private final List<String> words;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> words) {
        this.words = List.copyOf(words);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < this.words.size(); i++) {
            if (m.putIfAbsent(this.words.get(i), i) != null)
                throw new IllegalArgumentException("duplicate word in vocabulary: " + this.words.get(i));
        }
        this.ids = Collections.unmodifiableMap(m);
    }

    /**
     * Builds the table from tokenized sentences, keeping words seen at least {@code minCount} times.
     * Tokens equal to a special token are not counted as words.
     */
    public static Vocabulary build(Iterable<List<String>> sentences, int minCount) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> sentence : sentences) {
            for (String w : sentence) {
                if (!SPECIALS.contains(w)) counts.merge(w, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= minCount) kept.add(e);
        }
        kept.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        List<String> words = new ArrayList<>(SPECIALS);
        for (Map.Entry<String, Integer> e : kept) words.add(e.getKey());
        return new Vocabulary(words);
    }

    /** A table with exactly these words after the specials (in this order). */
    public static Vocabulary of(List<String> words) {
        List<String> all = new ArrayList<>(SPECIALS);
        all.addAll(words);
        return new Vocabulary(all);
    }

    /** Id of a word; {@link #UNK_ID} for a word not in the table. */
    public int id(String word) {
        return ids.getOrDefault(word, UNK_ID);
    }

    public boolean contains(String word) {
        return ids.containsKey(word);
    }

    /** @throws IndexOutOfBoundsException for an id outside 0..size()-1 */
    public String word(int id) {
        if (id < 0 || id >= words.size())
            throw new IndexOutOfBoundsException("token id " + id + " outside vocabulary of size " + words.size());
        return words.get(id);
    }

    public int size() {
        return words.size();
    }

    /** All words in id order, specials first. */
    public List<String> words() {
        return words;
    }

    /** Ids of the tokens, wrapped in {@code <start> ... <end>} when asked. */
    public int[] encode(List<String> tokens, boolean addStartEnd) {
        int n = tokens.size() + (addStartEnd ? 2 : 0);
        int[] out = new int[n];
        int k = 0;
        if (addStartEnd) out[k++] = START_ID;
        for (String t : tokens) out[k++] = id(t);
        if (addStartEnd) out[k] = END_ID;
        return out;
    }

    /** Words of the ids up to the first {@code <end>}, skipping {@code <pad>} and {@code <start>}. */
    public List<String> decode(int[] ids) {
        List<String> out = new ArrayList<>();
        for (int id : ids) {
            if (id == END_ID) break;
            if (id == PAD_ID || id == START_ID) continue;
            out.add(word(id));
        }
        return out;
    }

    /** {@code {"format":"vlsuite-vocabulary","version":1,"words":[...]}}; words in id order, specials included. */
    public String toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", "vlsuite-vocabulary");
        root.put("version", 1);
        ArrayNode arr = root.putArray("words");
        words.forEach(arr::add);
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads what {@link #toJson()} wrote.
     *
     * @throws IllegalArgumentException when the text is not a vocabulary or its specials are out of place
     */
    public static Vocabulary fromJson(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("vocabulary is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode arr = root == null ? null : root.get("words");
        if (arr == null || !arr.isArray()) throw new IllegalArgumentException("vocabulary JSON has no \"words\" array");
        List<String> words = new ArrayList<>();
        for (JsonNode w : arr) {
            if (!w.isTextual()) throw new IllegalArgumentException("vocabulary word is not a string: " + w);
            words.add(w.asText());
        }
        if (words.size() < SPECIALS.size() || !words.subList(0, SPECIALS.size()).equals(SPECIALS))
            throw new IllegalArgumentException("vocabulary must start with " + SPECIALS);
        return new Vocabulary(words);
    }

    public void save(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /** @throws IllegalArgumentException naming the file when it is not a vocabulary */
    public static Vocabulary load(Path file) throws IOException {
        try {
            return fromJson(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.words.equals(words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary[" + words.size() + " words]";
    }
}
