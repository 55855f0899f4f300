package dev.vlsuite.shared.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Already-tokenized references and candidates, checked and put in one image order (the order of the
 * reference map), with every word replaced by an int id. Each metric builds one from the maps it is
 * given; the toolkit asserts the same preconditions (same ids, at least one reference per image).
 */
final class EvalCorpus {
    final List<String> ids;
    /** [image] -> candidate word ids. */
    final int[][] candidates;
    /** [image][reference] -> word ids. */
    final int[][][] references;
    final int vocabularySize;

    private EvalCorpus(List<String> ids, int[][] candidates, int[][][] references, int vocabularySize) {
        this.ids = ids;
        this.candidates = candidates;
        this.references = references;
        this.vocabularySize = vocabularySize;
    }

    /** How a metric splits a tokenized caption into words. */
    enum Split {
        /** Python's str.split(): any run of Unicode whitespace, no empty words (BLEU, CIDEr). */
        WHITESPACE,
        /** Python's str.split(" "): every single space, empty words kept (ROUGE-L). */
        SINGLE_SPACE
    }

    static EvalCorpus of(Map<String, List<String>> refs, Map<String, String> cands, Split split) {
        checkIds(refs, cands);
        List<String> ids = new ArrayList<>(refs.keySet());
        Map<String, Integer> vocab = new HashMap<>();
        int[][] c = new int[ids.size()][];
        int[][][] r = new int[ids.size()][][];
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            List<String> rs = refs.get(id);
            if (rs == null || rs.isEmpty()) throw new IllegalArgumentException("image " + id + " has no reference captions");
            String cand = cands.get(id);
            if (cand == null) throw new IllegalArgumentException("image " + id + " has a null candidate");
            c[i] = words(cand, split, vocab);
            r[i] = new int[rs.size()][];
            for (int k = 0; k < rs.size(); k++) r[i][k] = words(rs.get(k), split, vocab);
        }
        return new EvalCorpus(List.copyOf(ids), c, r, vocab.size());
    }

    static void checkIds(Map<String, ?> refs, Map<String, ?> cands) {
        if (refs.keySet().equals(cands.keySet())) return;
        List<String> refsOnly = new ArrayList<>();
        for (String id : refs.keySet()) if (!cands.containsKey(id)) refsOnly.add(id);
        List<String> candsOnly = new ArrayList<>();
        for (String id : cands.keySet()) if (!refs.containsKey(id)) candsOnly.add(id);
        throw new IdMismatchException(refsOnly, candsOnly);
    }

    private static int[] words(String text, Split split, Map<String, Integer> vocab) {
        List<String> ws = split == Split.WHITESPACE ? splitWhitespace(text) : List.of(text.split(" ", -1));
        int[] out = new int[ws.size()];
        for (int i = 0; i < out.length; i++) out[i] = vocab.computeIfAbsent(ws.get(i), w -> vocab.size());
        return out;
    }

    /** Python 3's str.split() with no argument. */
    static List<String> splitWhitespace(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && isPythonSpace(s.charAt(i))) i++;
            int start = i;
            while (i < n && !isPythonSpace(s.charAt(i))) i++;
            if (i > start) out.add(s.substring(start, i));
        }
        return out;
    }

    /** Python's str.isspace for one char: Unicode Zs plus the B/S/WS bidi classes (\t \n \x1c-\x1f \x85 ...). */
    static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    int size() {
        return ids.size();
    }
}
