package dev.vlsuite.assets.language;

import static dev.vlsuite.assets.language.Phrases.concat;
import static dev.vlsuite.assets.language.Phrases.np;
import static dev.vlsuite.assets.language.Phrases.words;

import dev.vlsuite.assets.language.Phrases.SizeWord;
import dev.vlsuite.assets.video.Clip;
import dev.vlsuite.assets.video.Motion;
import dev.vlsuite.assets.video.MovingObject;
import dev.vlsuite.assets.world.SceneObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Reference captions for a clip, from a small grammar: a noun phrase for each shape as it looks in
 * the first frame ("a small red circle") and a verb phrase for what it does ("moves to the left",
 * "gets bigger", "turns blue"). Caption 0 is canonical (every shape, canonical phrases, top shape
 * first); the others are paraphrases. Colour, shape and direction words never vary between
 * paraphrases of one motion's meaning; deterministic from the clip's seed.
 */
public final class MotionCaptions {
    public static final int CAPTIONS_PER_CLIP = 5;
    /** Two shapes with sizes and motions need more words than a still scene. */
    public static final int MAX_TOKENS = 20;
    private static final long SALT = 0xC1B_CA97L;

    private MotionCaptions() {}

    public static List<Caption> captions(Clip clip) {
        return captions(clip, CAPTIONS_PER_CLIP);
    }

    /** {@code n} distinct captions, canonical first. */
    public static List<Caption> captions(Clip clip, int n) {
        SplittableRandom rng = new SplittableRandom(clip.seed() ^ SALT);
        List<MovingObject> objs = clip.objects();
        List<List<String>> candidates = objs.size() == 1 ? single(objs.get(0), rng) : pair(objs.get(0), objs.get(1), rng);
        List<List<String>> rest = new ArrayList<>(candidates.subList(1, candidates.size()));
        for (int i = rest.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            List<String> t = rest.get(i);
            rest.set(i, rest.get(j));
            rest.set(j, t);
        }
        List<List<String>> ordered = new ArrayList<>();
        ordered.add(candidates.get(0));
        ordered.addAll(rest);
        Set<List<String>> seen = new LinkedHashSet<>();
        List<Caption> out = new ArrayList<>();
        for (List<String> raw : ordered) {
            Caption c = CaptionGrammar.caption(raw);
            if (c.tokens().size() <= MAX_TOKENS && seen.add(c.tokens())) out.add(c);
            if (out.size() == n) break;
        }
        return out;
    }

    /** The verb phrase number {@code i} (0 = canonical) for what {@code o} does. */
    static List<String> verb(MovingObject o, int i) {
        String p = o.motion().phrases().get(i);
        if (o.motion() == Motion.RECOLOUR) p = p.replace("%s", o.endColour().word()).replace("%o", o.colour().word());
        return words(p);
    }

    private static List<String> anyVerb(MovingObject o, SplittableRandom r) {
        return verb(o, r.nextInt(o.motion().phrases().size()));
    }

    private static List<String> the(SceneObject o) {
        return List.of("the", o.colour().word(), o.kind().word());
    }

    private static List<List<String>> single(MovingObject m, SplittableRandom r) {
        SceneObject o = m.start();
        List<List<String>> c = new ArrayList<>();
        c.add(concat(np(o, SizeWord.CANONICAL, r), verb(m, 0)));
        c.add(concat(np(o, SizeWord.NONE, r), anyVerb(m, r)));
        c.add(concat(np(o, SizeWord.SYNONYM, r), anyVerb(m, r)));
        c.add(concat(the(o), anyVerb(m, r)));
        c.add(concat(np(o, SizeWord.NONE, r), anyVerb(m, r), words("on a gray background")));
        c.add(concat(words("a video of"), np(o, SizeWord.SYNONYM, r), words("that"), anyVerb(m, r)));
        c.add(concat(words("a single"), np(o, SizeWord.NONE, r).subList(1, 3), anyVerb(m, r)));
        c.add(concat(np(o, SizeWord.SYNONYM, r), anyVerb(m, r)));
        c.add(concat(the(o), anyVerb(m, r)));
        return c;
    }

    private static List<List<String>> pair(MovingObject a, MovingObject b, SplittableRandom r) {
        SceneObject oa = a.start(), ob = b.start();
        List<List<String>> c = new ArrayList<>();
        c.add(concat(np(oa, SizeWord.CANONICAL, r), verb(a, 0), words("and"), np(ob, SizeWord.CANONICAL, r), verb(b, 0)));
        c.add(concat(np(ob, SizeWord.NONE, r), anyVerb(b, r), words("and"), np(oa, SizeWord.NONE, r), anyVerb(a, r)));
        c.add(concat(np(oa, SizeWord.NONE, r), anyVerb(a, r), words("while"), np(ob, SizeWord.NONE, r), anyVerb(b, r)));
        c.add(concat(the(oa), anyVerb(a, r), words("and"), the(ob), anyVerb(b, r)));
        c.add(concat(words("two shapes :"), np(oa, SizeWord.NONE, r), anyVerb(a, r), words("and"), np(ob, SizeWord.NONE, r), anyVerb(b, r)));
        c.add(concat(np(ob, SizeWord.SYNONYM, r), anyVerb(b, r), words("while"), np(oa, SizeWord.SYNONYM, r), anyVerb(a, r)));
        c.add(concat(np(oa, SizeWord.SYNONYM, r), anyVerb(a, r), words("and"), np(ob, SizeWord.SYNONYM, r), anyVerb(b, r)));
        c.add(concat(the(ob), anyVerb(b, r), words("while"), the(oa), anyVerb(a, r)));
        return c;
    }
}
