package dev.vlsuite.assets.language;

import dev.vlsuite.assets.world.Relation;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SceneObject;
import dev.vlsuite.assets.world.ShapeColour;
import dev.vlsuite.assets.world.ShapeSize;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Questions with answers for a scene: count, colour, shape, size, existence and relation. Yes/no
 * questions come in pairs (one true, one false) so every scene is exactly balanced. Answers are single
 * words or digits, in the words the captions use. Deterministic from the scene's seed.
 */
public final class QuestionGenerator {
    private static final long SALT = 0x0A5C_0FF5L;

    private QuestionGenerator() {}

    public static List<QaPair> questions(Scene scene) {
        SplittableRandom rng = new SplittableRandom(scene.seed() ^ SALT);
        List<SceneObject> objs = scene.objects();
        List<QaPair> qs = new ArrayList<>();
        qs.add(new QaPair("how many shapes are there?", Integer.toString(objs.size()), "how many", QaPair.NUMBER));

        SceneObject o = Phrases.pick(objs, rng);
        qs.add(new QaPair("what color is the " + o.kind().word() + "?", o.colour().word(), "what color is the", QaPair.OTHER));
        o = Phrases.pick(objs, rng);
        qs.add(new QaPair("what shape is the " + o.colour().word() + " object?", o.kind().word(), "what", QaPair.OTHER));
        o = Phrases.pick(objs, rng);
        qs.add(new QaPair("what size is the " + o.colour().word() + " " + o.kind().word() + "?", o.size().word(), "what", QaPair.OTHER));

        // existence: one present object, one absent combination of a present kind with another colour
        SceneObject present = Phrases.pick(objs, rng);
        ShapeColour absentColour = absentColourFor(scene, present, rng);
        List<QaPair> existence = List.of(
                new QaPair(exists(present.colour(), present), "yes", "is there a", QaPair.YES_NO),
                new QaPair(exists(absentColour, present), "no", "is there a", QaPair.YES_NO));
        qs.addAll(rng.nextBoolean() ? existence : List.of(existence.get(1), existence.get(0)));

        List<Scene.RelatedPair> pairs = scene.clearRelations();
        if (!pairs.isEmpty()) {
            Scene.RelatedPair p = Phrases.pick(pairs, rng);
            List<QaPair> rel = List.of(
                    new QaPair(relationQuestion(p.a(), p.relation(), p.b()), "yes", "is the", QaPair.YES_NO),
                    new QaPair(relationQuestion(p.a(), p.relation().inverse(), p.b()), "no", "is the", QaPair.YES_NO));
            qs.addAll(rng.nextBoolean() ? rel : List.of(rel.get(1), rel.get(0)));
        }
        if (objs.size() >= 2) {
            ShapeSize s = rng.nextBoolean() ? ShapeSize.LARGE : ShapeSize.SMALL;
            long n = objs.stream().filter(x -> x.size() == s).count();
            qs.add(new QaPair("how many " + s.word() + " shapes are there?", Long.toString(n), "how many", QaPair.NUMBER));
        }
        return qs;
    }

    /** With two or more objects, another object's colour (a hard negative); else any colour not drawn. */
    private static ShapeColour absentColourFor(Scene scene, SceneObject o, SplittableRandom rng) {
        List<ShapeColour> candidates = new ArrayList<>();
        for (SceneObject other : scene.objects()) if (other != o) candidates.add(other.colour());
        if (candidates.isEmpty())
            for (ShapeColour c : ShapeColour.values()) if (!scene.contains(c, o.kind())) candidates.add(c);
        return Phrases.pick(candidates, rng);
    }

    private static String exists(ShapeColour c, SceneObject o) {
        return "is there " + Phrases.article(c.word()) + " " + c.word() + " " + o.kind().word() + "?";
    }

    private static String relationQuestion(SceneObject a, Relation r, SceneObject b) {
        return "is " + String.join(" ", Phrases.definite(a)) + " " + r.phrase() + " " + String.join(" ", Phrases.definite(b)) + "?";
    }
}
