package dev.vlsuite.shared.metrics.meteor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * METEOR 1.5's aligner: the modules (exact, stem, synonym, paraphrase) propose every possible match
 * between test (line 1) and reference (line 2); one-to-one matches nothing else overlaps are fixed;
 * a left-to-right beam search over reference positions picks the rest. Quirks of the original are
 * kept because they decide ties: words are compared by {@code String.hashCode()}, the search weighs
 * non-exact matches 0.5 into integer counters (so a one-word stem or synonym match adds nothing to
 * the ranking), and the "distance" tie-breaker is charged to the parent path, not to the extension.
 * Stateless apart from shared read-only dictionaries: safe to use from several threads.
 */
final class MeteorAligner {

    static final int EXACT = 0;
    static final int STEM = 1;
    static final int SYNONYM = 2;
    static final int PARAPHRASE = 3;

    // Search-time module weights METEOR's scorer installs for evaluation
    private static final double[] SEARCH_WEIGHTS = {1.0, 0.5, 0.5, 0.5};

    // More (truncated-weighted) matched words first, then fewer chunks, then less distance
    private static final Comparator<Path> BEST_FIRST = (x, y) -> {
        int matchDiff = (y.matches1 + y.matches2) - (x.matches1 + x.matches2);
        if (matchDiff != 0) {
            return matchDiff > 0 ? 1 : -1;
        }
        int chunkDiff = x.chunks - y.chunks;
        if (chunkDiff != 0) {
            return chunkDiff;
        }
        return x.distance - y.distance;
    };

    private final int beamSize;
    private final WordNetSynonyms synonyms;
    private final ParaphraseTable paraphrases;
    private final int moduleCount;

    MeteorAligner(int beamSize, WordNetSynonyms synonyms, ParaphraseTable paraphrasesOrNull) {
        this.beamSize = beamSize;
        this.synonyms = synonyms;
        this.paraphrases = paraphrasesOrNull;
        this.moduleCount = paraphrasesOrNull == null ? 3 : 4;
    }

    /** Aligns normalised, whitespace-tokenised test words with reference words. */
    SegmentStats align(String[] test, String[] ref) {
        int n1 = test.length;
        int n2 = ref.length;
        int[] keys1 = hashes(test);
        int[] keys2 = hashes(ref);
        Candidates c = new Candidates(n1, n2);

        // Identical lines need only exact matches (avoids beam search errors)
        int modulesUsed = Arrays.equals(keys1, keys2) ? 1 : moduleCount;
        for (int module = 0; module < modulesUsed; module++) {
            switch (module) {
                case EXACT -> matchExact(keys1, keys2, c);
                case STEM -> matchStems(test, ref, keys1, keys2, c);
                case SYNONYM -> matchSynonyms(test, ref, keys1, keys2, c);
                case PARAPHRASE -> matchParaphrases(test, ref, c);
                default -> throw new IllegalStateException("module " + module);
            }
        }

        Match[] best = search(c, n1, n2);
        return statistics(test, ref, best);
    }

    private static void matchExact(int[] k1, int[] k2, Candidates c) {
        for (int j = 0; j < k2.length; j++) {
            for (int i = 0; i < k1.length; i++) {
                if (k1[i] == k2[j]) {
                    c.add(new Match(j, 1, i, 1, EXACT));
                }
            }
        }
    }

    private static void matchStems(String[] test, String[] ref, int[] k1, int[] k2, Candidates c) {
        int[] s1 = stemHashes(test);
        int[] s2 = stemHashes(ref);
        for (int j = 0; j < s2.length; j++) {
            for (int i = 0; i < s1.length; i++) {
                if (s1[i] == s2[j] && k1[i] != k2[j]) {
                    c.add(new Match(j, 1, i, 1, STEM));
                }
            }
        }
    }

    private void matchSynonyms(String[] test, String[] ref, int[] k1, int[] k2, Candidates c) {
        int[][] sets1 = new int[test.length][];
        int[][] sets2 = new int[ref.length][];
        for (int i = 0; i < test.length; i++) {
            sets1[i] = synonyms.synsetsOf(test[i]);
        }
        for (int j = 0; j < ref.length; j++) {
            sets2[j] = synonyms.synsetsOf(ref[j]);
        }
        for (int j = 0; j < ref.length; j++) {
            for (int i = 0; i < test.length; i++) {
                if (k1[i] != k2[j] && WordNetSynonyms.intersects(sets1[i], sets2[j])) {
                    c.add(new Match(j, 1, i, 1, SYNONYM));
                }
            }
        }
    }

    private void matchParaphrases(String[] test, String[] ref, Candidates c) {
        int[] line1 = new int[test.length];
        int[] line2 = new int[ref.length];
        for (int i = 0; i < test.length; i++) {
            line1[i] = paraphrases.id(test[i]);
        }
        for (int j = 0; j < ref.length; j++) {
            line2[j] = paraphrases.id(ref[j]);
        }
        // Table phrases found in the reference, their paraphrases looked for in the test
        for (int j = 0; j < line2.length; j++) {
            int[] found = paraphrases.phrasesAt(line2, j);
            for (int p = 0; p < found.length; p += 2) {
                int length = found[p];
                int[] words = paraphrases.paraphrase(found[p + 1]);
                for (int i = 0; i < line1.length; i++) {
                    if (occursAt(line1, i, words)) {
                        c.add(new Match(j, length, i, words.length, PARAPHRASE));
                    }
                }
            }
        }
        // Table phrases found in the test, their paraphrases looked for in the reference
        for (int i = 0; i < line1.length; i++) {
            int[] found = paraphrases.phrasesAt(line1, i);
            for (int p = 0; p < found.length; p += 2) {
                int length = found[p];
                int[] words = paraphrases.paraphrase(found[p + 1]);
                for (int j = 0; j < line2.length; j++) {
                    if (occursAt(line2, j, words)) {
                        c.add(new Match(j, words.length, i, length, PARAPHRASE));
                    }
                }
            }
        }
    }

    private static boolean occursAt(int[] line, int at, int[] words) {
        for (int k = 0; k < words.length; k++) {
            if (at + k == line.length || line[at + k] != words[k]) {
                return false;
            }
        }
        return true;
    }

    // Beam search over reference positions, as METEOR's Aligner.resolve
    private Match[] search(Candidates c, int n1, int n2) {
        Path start = new Path(new Match[n2], new boolean[n1], new boolean[n2]);
        // One-to-one matches that nothing overlaps are definite
        for (int j = 0; j < n2; j++) {
            if (c.byStart.get(j).size() == 1) {
                Match m = c.byStart.get(j).get(0);
                boolean overlap = false;
                for (int k = 0; k < m.length(); k++) {
                    overlap |= c.coverage2[j + k] != 1;
                }
                for (int k = 0; k < m.matchLength(); k++) {
                    overlap |= c.coverage1[m.matchStart() + k] != 1;
                }
                if (!overlap) {
                    start.matches[j] = m;
                    start.setUsed(m);
                }
            }
        }

        List<Path> next = new ArrayList<>();
        next.add(start);
        for (int current = 0; current <= n2; current++) {
            List<Path> paths = next;
            next = new ArrayList<>();
            paths.sort(BEST_FIRST);
            for (int rank = 0; rank < beamSize && rank < paths.size(); rank++) {
                Path path = paths.get(rank);
                if (current == n2) {
                    if (path.lastMatchEnd != -1) {
                        path.chunks++;
                    }
                    next.add(path);
                    continue;
                }
                if (path.used2[current]) {
                    if (current < path.idx) {
                        next.add(path);
                    } else if (path.matches[path.idx] != null) {
                        path.extendWith(path.matches[path.idx]);
                        next.add(path);
                    }
                    continue;
                }
                for (Match m : c.byStart.get(current)) {
                    if (path.isUsed(m)) {
                        continue;
                    }
                    Path extended = new Path(path);
                    extended.setUsed(m);
                    extended.matches[current] = m;
                    extended.extendWith(m);
                    extended.distance = path.distance;
                    // METEOR charges the distance to the parent path (later siblings inherit it)
                    path.distance += Math.abs(m.start() - m.matchStart());
                    next.add(extended);
                }
                // Or leave this reference word unmatched
                if (path.lastMatchEnd != -1) {
                    path.chunks++;
                    path.lastMatchEnd = -1;
                }
                path.idx++;
                next.add(path);
            }
            if (next.isEmpty()) {
                next.add(paths.get(0));
            }
        }
        next.sort(BEST_FIRST);
        return next.get(0).matches;
    }

    private static SegmentStats statistics(String[] test, String[] ref, Match[] matches) {
        boolean[] function1 = new boolean[test.length];
        boolean[] function2 = new boolean[ref.length];
        int functionWords1 = 0;
        int functionWords2 = 0;
        for (int i = 0; i < test.length; i++) {
            function1[i] = FunctionWords.isFunctionWord(test[i]);
            functionWords1 += function1[i] ? 1 : 0;
        }
        for (int j = 0; j < ref.length; j++) {
            function2[j] = FunctionWords.isFunctionWord(ref[j]);
            functionWords2 += function2[j] ? 1 : 0;
        }
        int[] content1 = new int[SegmentStats.MODULES];
        int[] content2 = new int[SegmentStats.MODULES];
        int[] fn1 = new int[SegmentStats.MODULES];
        int[] fn2 = new int[SegmentStats.MODULES];
        for (Match m : matches) {
            if (m == null) {
                continue;
            }
            for (int k = 0; k < m.matchLength(); k++) {
                if (function1[m.matchStart() + k]) {
                    fn1[m.module()]++;
                } else {
                    content1[m.module()]++;
                }
            }
            for (int k = 0; k < m.length(); k++) {
                if (function2[m.start() + k]) {
                    fn2[m.module()]++;
                } else {
                    content2[m.module()]++;
                }
            }
        }

        // Matched words and chunks, walking the reference
        int matched1 = 0;
        int matched2 = 0;
        int chunks = 0;
        int lastMatchEnd = -1;
        for (int idx = 0; idx < matches.length; ) {
            Match m = matches[idx];
            if (m == null) {
                if (lastMatchEnd != -1) {
                    chunks++;
                    lastMatchEnd = -1;
                }
                idx++;
            } else {
                matched1 += m.matchLength();
                matched2 += m.length();
                if (lastMatchEnd != -1 && m.matchStart() != lastMatchEnd) {
                    chunks++;
                }
                idx = m.start() + m.length();
                lastMatchEnd = m.matchStart() + m.matchLength();
            }
        }
        if (lastMatchEnd != -1) {
            chunks++;
        }
        return new SegmentStats(test.length, ref.length, functionWords1, functionWords2,
                content1, content2, fn1, fn2, chunks, matched1, matched2);
    }

    private static int[] hashes(String[] words) {
        int[] keys = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            keys[i] = words[i].hashCode();
        }
        return keys;
    }

    private static int[] stemHashes(String[] words) {
        int[] keys = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            keys[i] = SnowballEnglish.stem(words[i]).hashCode();
        }
        return keys;
    }

    /** Every proposed match, grouped by reference start, with how many matches cover each word. */
    private static final class Candidates {
        final List<List<Match>> byStart;
        final int[] coverage1;
        final int[] coverage2;

        Candidates(int n1, int n2) {
            byStart = new ArrayList<>(n2);
            for (int j = 0; j < n2; j++) {
                byStart.add(new ArrayList<>(4));
            }
            coverage1 = new int[n1];
            coverage2 = new int[n2];
        }

        void add(Match m) {
            byStart.get(m.start()).add(m);
            for (int k = 0; k < m.matchLength(); k++) {
                coverage1[m.matchStart() + k]++;
            }
            for (int k = 0; k < m.length(); k++) {
                coverage2[m.start() + k]++;
            }
        }
    }

    /** A partial alignment: choices so far and the running counters the beam ranks by. */
    private static final class Path {
        final Match[] matches;
        final boolean[] used1;
        final boolean[] used2;
        int matches1;
        int matches2;
        int chunks;
        int idx;
        int lastMatchEnd = -1;
        int distance;

        Path(Match[] matches, boolean[] used1, boolean[] used2) {
            this.matches = matches;
            this.used1 = used1;
            this.used2 = used2;
        }

        Path(Path p) {
            matches = p.matches.clone();
            used1 = p.used1.clone();
            used2 = p.used2.clone();
            matches1 = p.matches1;
            matches2 = p.matches2;
            chunks = p.chunks;
            idx = p.idx;
            lastMatchEnd = p.lastMatchEnd;
            distance = p.distance;
        }

        boolean isUsed(Match m) {
            for (int k = 0; k < m.length(); k++) {
                if (used2[m.start() + k]) {
                    return true;
                }
            }
            for (int k = 0; k < m.matchLength(); k++) {
                if (used1[m.matchStart() + k]) {
                    return true;
                }
            }
            return false;
        }

        void setUsed(Match m) {
            for (int k = 0; k < m.length(); k++) {
                used2[m.start() + k] = true;
            }
            for (int k = 0; k < m.matchLength(); k++) {
                used1[m.matchStart() + k] = true;
            }
        }

        // Takes match m as the next step; for a definite match this also charges its distance
        void extendWith(Match m) {
            double weight = SEARCH_WEIGHTS[m.module()];
            // int += double truncates, exactly as METEOR's int counters do
            matches1 += m.matchLength() * weight;
            matches2 += m.length() * weight;
            if (lastMatchEnd != -1 && m.matchStart() != lastMatchEnd) {
                chunks++;
            }
            idx = m.start() + m.length();
            lastMatchEnd = m.matchStart() + m.matchLength();
            distance += Math.abs(m.start() - m.matchStart());
        }
    }
}
