package dev.vlsuite.shared.metrics;

import java.util.Arrays;

/** A multiset of n-gram ids: sorted distinct ids with their counts. */
record NGramBag(int[] ids, int[] counts) {
    static final NGramBag EMPTY = new NGramBag(new int[0], new int[0]);

    static NGramBag of(int[] ngramIds) {
        if (ngramIds.length == 0) return EMPTY;
        int[] sorted = ngramIds.clone();
        Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < sorted.length; i++) if (sorted[i] != sorted[i - 1]) distinct++;
        int[] ids = new int[distinct];
        int[] counts = new int[distinct];
        int d = 0;
        ids[0] = sorted[0];
        counts[0] = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1]) ids[++d] = sorted[i];
            counts[d]++;
        }
        return new NGramBag(ids, counts);
    }

    int size() {
        return ids.length;
    }

    /** Count-wise maximum of two bags (BLEU's max count of an n-gram in any single reference). */
    NGramBag max(NGramBag o) {
        int[] ids2 = new int[ids.length + o.ids.length];
        int[] counts2 = new int[ids2.length];
        int i = 0, j = 0, k = 0;
        while (i < ids.length || j < o.ids.length) {
            if (j >= o.ids.length || (i < ids.length && ids[i] < o.ids[j])) {
                ids2[k] = ids[i];
                counts2[k++] = counts[i++];
            } else if (i >= ids.length || o.ids[j] < ids[i]) {
                ids2[k] = o.ids[j];
                counts2[k++] = o.counts[j++];
            } else {
                ids2[k] = ids[i];
                counts2[k++] = Math.max(counts[i++], o.counts[j++]);
            }
        }
        return new NGramBag(Arrays.copyOf(ids2, k), Arrays.copyOf(counts2, k));
    }

    /** Sum over ids of min(this count, limit count): candidate counts clipped by {@code limit}. */
    long clippedTotal(NGramBag limit) {
        long total = 0;
        int i = 0, j = 0;
        while (i < ids.length && j < limit.ids.length) {
            if (ids[i] < limit.ids[j]) i++;
            else if (ids[i] > limit.ids[j]) j++;
            else total += Math.min(counts[i++], limit.counts[j++]);
        }
        return total;
    }
}
