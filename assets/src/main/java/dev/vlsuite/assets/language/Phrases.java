package dev.vlsuite.assets.language;

import dev.vlsuite.assets.world.Relation;
import dev.vlsuite.assets.world.SceneObject;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Word-level building blocks shared by captions and questions. Colour and kind words never vary. */
final class Phrases {
    static final List<String> COUNT_WORDS = List.of("zero", "one", "two", "three", "four");

    /** How a noun phrase names the size. */
    enum SizeWord { NONE, CANONICAL, SYNONYM }

    private Phrases() {}

    /** "a large red circle", "an orange star", "a little blue square". */
    static List<String> np(SceneObject o, SizeWord sw, SplittableRandom rng) {
        List<String> words = new ArrayList<>();
        switch (sw) {
            case CANONICAL -> words.add(o.size().word());
            case SYNONYM -> words.add(pick(o.size().synonyms(), rng));
            case NONE -> {}
        }
        words.add(o.colour().word());
        words.add(o.kind().word());
        words.add(0, article(words.get(0)));
        return words;
    }

    /** "the red circle" */
    static List<String> definite(SceneObject o) {
        return List.of("the", o.colour().word(), o.kind().word());
    }

    static String article(String next) {
        return "aeiou".indexOf(next.charAt(0)) >= 0 ? "an" : "a";
    }

    static List<String> relation(Relation r, boolean vary, SplittableRandom rng) {
        return words(vary ? pick(r.phrases(), rng) : r.phrase());
    }

    /** "a red circle , a blue square and a green star" (comma tokens are punctuation, dropped from tokens). */
    static List<String> list(List<SceneObject> objects, SizeWord sw, SplittableRandom rng) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            if (i > 0) out.add(i == objects.size() - 1 ? "and" : ",");
            out.addAll(np(objects.get(i), sw, rng));
        }
        return out;
    }

    static List<String> words(String text) {
        return List.of(text.split(" "));
    }

    @SafeVarargs
    static List<String> concat(List<String>... parts) {
        List<String> out = new ArrayList<>();
        for (List<String> p : parts) out.addAll(p);
        return out;
    }

    static <T> T pick(List<T> options, SplittableRandom rng) {
        return options.get(rng.nextInt(options.size()));
    }
}
