package dev.vlsuite.assets.language;

import static dev.vlsuite.assets.language.Phrases.concat;
import static dev.vlsuite.assets.language.Phrases.list;
import static dev.vlsuite.assets.language.Phrases.np;
import static dev.vlsuite.assets.language.Phrases.relation;
import static dev.vlsuite.assets.language.Phrases.words;

import dev.vlsuite.assets.language.Phrases.SizeWord;
import dev.vlsuite.assets.world.Relation;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SceneObject;
import dev.vlsuite.shared.text.Detokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Reference captions for a scene, generated from a small grammar that only names what is drawn.
 * Caption 0 is the canonical description (every object, reading order); the others are paraphrases
 * (size synonyms, relation phrases, framings such as "there are two shapes:"). Colour and shape words
 * never vary. Deterministic: the scene's seed picks the variants.
 */
public final class CaptionGrammar {
    public static final int CAPTIONS_PER_SCENE = 5;
    public static final int MAX_TOKENS = 16;
    private static final long SALT = 0x5EED_CA97L;
    private static final Set<String> PUNCTUATION = Set.of(",", ":", ".");

    private CaptionGrammar() {}

    public static List<Caption> captions(Scene scene) {
        return captions(scene, CAPTIONS_PER_SCENE);
    }

    /** {@code n} distinct captions (n >= 1); fewer only if the grammar cannot make that many. */
    public static List<Caption> captions(Scene scene, int n) {
        SplittableRandom rng = new SplittableRandom(scene.seed() ^ SALT);
        List<SceneObject> objs = readingOrder(scene);
        List<List<String>> candidates = switch (objs.size()) {
            case 1 -> single(objs.get(0), rng);
            case 2 -> pair(objs.get(0), objs.get(1), rng);
            default -> group(scene, objs, rng);
        };
        // canonical first, then the rest in a seeded random order
        List<List<String>> rest = new ArrayList<>(candidates.subList(1, candidates.size()));
        for (int i = rest.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            List<String> t = rest.get(i);
            rest.set(i, rest.get(j));
            rest.set(j, t);
        }
        Set<List<String>> seen = new LinkedHashSet<>();
        List<Caption> out = new ArrayList<>();
        List<List<String>> ordered = new ArrayList<>();
        ordered.add(candidates.get(0));
        ordered.addAll(rest);
        for (List<String> raw : ordered) {
            Caption c = caption(raw);
            if (c.tokens().size() <= MAX_TOKENS && seen.add(c.tokens())) out.add(c);
            if (out.size() == n) break;
        }
        return out;
    }

    /** Objects top row first, then left to right (rows split at the canvas middle). */
    static List<SceneObject> readingOrder(Scene scene) {
        double mid = scene.canvas() / 2.0;
        return scene.objects().stream()
                .sorted(Comparator.<SceneObject>comparingInt(o -> o.cy() < mid ? 0 : 1).thenComparingDouble(SceneObject::cx))
                .toList();
    }

    private static List<List<String>> single(SceneObject o, SplittableRandom r) {
        return List.of(
                np(o, SizeWord.CANONICAL, r),
                np(o, SizeWord.NONE, r),
                concat(words("there is"), np(o, SizeWord.SYNONYM, r)),
                concat(np(o, SizeWord.NONE, r), words("in the middle")),
                concat(words("a single"), np(o, SizeWord.SYNONYM, r).subList(1, 4), words("on a gray background")),
                concat(words("a picture of"), np(o, SizeWord.SYNONYM, r)),
                concat(words("one"), np(o, SizeWord.SYNONYM, r).subList(1, 4)),
                concat(np(o, SizeWord.SYNONYM, r), words("on a gray background")));
    }

    private static List<List<String>> pair(SceneObject a, SceneObject b, SplittableRandom r) {
        List<List<String>> c = new ArrayList<>();
        Optional<Relation> rel = Relation.between(a, b);
        if (rel.isPresent()) {
            c.add(concat(np(a, SizeWord.CANONICAL, r), relation(rel.get(), false, r), np(b, SizeWord.CANONICAL, r)));
            c.add(concat(np(b, SizeWord.NONE, r), relation(rel.get().inverse(), true, r), np(a, SizeWord.NONE, r)));
            c.add(concat(np(a, SizeWord.NONE, r), words("is"), relation(rel.get(), true, r), np(b, SizeWord.SYNONYM, r)));
            if (rel.get().horizontal())
                c.add(concat(np(a, SizeWord.SYNONYM, r), words("next to"), np(b, SizeWord.SYNONYM, r)));
        } else {
            c.add(concat(np(a, SizeWord.CANONICAL, r), words("and"), np(b, SizeWord.CANONICAL, r)));
        }
        c.add(concat(words("there are two shapes :"), np(a, SizeWord.NONE, r), words("and"), np(b, SizeWord.NONE, r)));
        c.add(concat(np(a, SizeWord.SYNONYM, r), words("and"), np(b, SizeWord.SYNONYM, r)));
        c.add(concat(words("two shapes :"), np(b, SizeWord.NONE, r), words("and"), np(a, SizeWord.NONE, r)));
        c.add(concat(words("a picture of"), np(a, SizeWord.NONE, r), words("and"), np(b, SizeWord.NONE, r)));
        return c;
    }

    private static List<List<String>> group(Scene scene, List<SceneObject> objs, SplittableRandom r) {
        String count = Phrases.COUNT_WORDS.get(objs.size());
        List<List<String>> c = new ArrayList<>();
        SizeWord canonical = objs.size() <= 3 ? SizeWord.CANONICAL : SizeWord.NONE; // four sized objects exceed 16 tokens
        c.add(list(objs, canonical, r));
        c.add(concat(words("there are " + count + " shapes :"), list(objs, SizeWord.NONE, r)));
        c.add(concat(words(count + " shapes :"), list(objs, SizeWord.NONE, r)));
        c.add(concat(words("a picture of"), list(objs, SizeWord.NONE, r)));
        List<Scene.RelatedPair> pairs = scene.clearRelations();
        if (!pairs.isEmpty()) {
            Scene.RelatedPair p = pairs.get(r.nextInt(pairs.size()));
            Scene.RelatedPair q = pairs.get(r.nextInt(pairs.size()));
            c.add(concat(np(p.a(), SizeWord.CANONICAL, r), relation(p.relation(), true, r), np(p.b(), SizeWord.CANONICAL, r)));
            c.add(concat(np(q.b(), SizeWord.NONE, r), relation(q.relation().inverse(), true, r), np(q.a(), SizeWord.NONE, r)));
            c.add(concat(words(count + " shapes including"), np(p.a(), SizeWord.SYNONYM, r), words("and"), np(p.b(), SizeWord.SYNONYM, r)));
        }
        return c;
    }

    /** Raw text is the detokenized sentence, capitalised, with a full stop; tokens drop punctuation. */
    static Caption caption(List<String> rawTokens) {
        List<String> withStop = concat(rawTokens, List.of("."));
        String raw = Detokenizer.detokenize(withStop, true);
        List<String> tokens = rawTokens.stream().filter(t -> !PUNCTUATION.contains(t)).toList();
        return new Caption(raw, tokens);
    }
}
