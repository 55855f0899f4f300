package dev.vlsuite.shared.metrics;

import java.util.Arrays;

/**
 * Gives every distinct n-gram (n = 1..maxN) of a corpus one int id. An n-gram is the pair
 * (id of its first n-1 words, last word), so ids of all orders share one open-addressing table of
 * longs; no strings or tuples are built. Not thread-safe: fill it in one thread.
 */
final class NGramIndex {
    private final int maxN;
    private long[] keys;
    private int[] values;
    private int size;

    NGramIndex(int maxN) {
        this.maxN = maxN;
        keys = new long[1 << 16];
        values = new int[1 << 16];
        Arrays.fill(keys, -1L);
    }

    int size() {
        return size;
    }

    /**
     * For each order k = 1..maxN, the ids of the sentence's k-grams in order:
     * result[k-1].length == max(0, words.length - k + 1).
     */
    int[][] ngramIds(int[] words) {
        int[][] out = new int[maxN][];
        int[] prefix = new int[words.length]; // ids of the (k-1)-grams starting at each position
        Arrays.fill(prefix, -1);
        for (int k = 1; k <= maxN; k++) {
            int count = Math.max(0, words.length - k + 1);
            int[] ids = new int[count];
            for (int i = 0; i < count; i++) ids[i] = intern(((long) (prefix[i] + 1) << 32) | words[i + k - 1]);
            System.arraycopy(ids, 0, prefix, 0, count);
            out[k - 1] = ids;
        }
        return out;
    }

    private int intern(long key) {
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (keys[slot] != -1L) {
            if (keys[slot] == key) return values[slot];
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = size;
        if (++size * 2 > keys.length) grow();
        return size - 1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, -1L);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == -1L) continue;
            int slot = mix(oldKeys[i]) & mask;
            while (keys[slot] != -1L) slot = (slot + 1) & mask;
            keys[slot] = oldKeys[i];
            values[slot] = oldValues[i];
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
