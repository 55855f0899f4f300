package dev.vlsuite.shared.metrics.meteor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** METEOR 1.5's English function-word list: matches of these words weigh (1 - delta) instead of delta. */
final class FunctionWords {

    private static final Set<String> ENGLISH = load("english.function-words");

    private FunctionWords() {
    }

    static boolean isFunctionWord(String word) {
        return ENGLISH.contains(word.toLowerCase(Locale.ROOT));
    }

    static Set<String> english() {
        return ENGLISH;
    }

    private static Set<String> load(String name) {
        Set<String> words = new HashSet<>();
        try (InputStream in = FunctionWords.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + FunctionWords.class);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                words.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
        return Set.copyOf(words);
    }
}
