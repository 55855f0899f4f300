package dev.vlsuite.shared.metrics.meteor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tartarus.snowball.ext.EnglishStemmer;

/** The Snowball "english" (Porter2) stemmer METEOR's stem module uses; stems are cached, threads get their own stemmer. */
final class SnowballEnglish {

    private static final ThreadLocal<EnglishStemmer> STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 1 << 20;

    private SnowballEnglish() {
    }

    static String stem(String word) {
        String cached = CACHE.get(word);
        if (cached != null) {
            return cached;
        }
        EnglishStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(word);
        stemmer.stem();
        String stem = stemmer.getCurrent();
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(word, stem);
        }
        return stem;
    }
}
