package dev.vlsuite.assets.language;

import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SceneObject;
import dev.vlsuite.assets.world.ShapeColour;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ten rounds of dialog about a scene, as VisDial's questioner asks them: first the count, then one object at a time,
 * named once ("what color is the star", "what shape is the red one") and then referred back to ("how big is it",
 * "where is it", "is it blue", "what color is it"); with two objects, "and the other one" asks the previous
 * question about the other object. A referring round can only be answered from the history. Deterministic from the
 * scene's seed; answers follow the scene.
 */
public final class DialogGenerator {
    public static final int ROUNDS = 10;
    private static final long SALT = 0xD1A1_0600L;

    private DialogGenerator() {}

    public static List<DialogRound> dialog(Scene scene) {
        SplittableRandom rng = new SplittableRandom(scene.seed() ^ SALT);
        List<SceneObject> objs = new ArrayList<>(scene.objects());
        for (int i = objs.size() - 1; i > 0; i--) java.util.Collections.swap(objs, i, rng.nextInt(i + 1));
        List<DialogRound> rounds = new ArrayList<>();
        int n = objs.size();
        rounds.add(round("how many shapes are there", DialogAnswers.count(n), List.of(), DialogAnswers.Family.COUNT, false, rng));
        for (int turn = 0; rounds.size() < ROUNDS; turn++) {
            SceneObject o = objs.get(turn % n);
            boolean byKind = rng.nextBoolean();
            // name the object once
            if (byKind) rounds.add(round("what color is the " + o.kind().word(), DialogAnswers.colour(o.colour()), List.of(), DialogAnswers.Family.COLOUR, false, rng));
            else rounds.add(round("what shape is the " + o.colour().word() + " one", DialogAnswers.kind(o.kind()), List.of(), DialogAnswers.Family.KIND, false, rng));
            // "and the other one": the same question about the only other object, which then becomes "it"
            if (n == 2 && rng.nextInt(3) > 0) {
                o = objs.get((turn + 1) % n);
                rounds.add(byKind
                        ? round("and the other one", DialogAnswers.colour(o.colour()), List.of(), DialogAnswers.Family.COLOUR, true, rng)
                        : round("and the other one", DialogAnswers.kind(o.kind()), List.of(), DialogAnswers.Family.KIND, true, rng));
                turn++;
            }
            // then refer back to it
            int followUps = 1 + rng.nextInt(2);
            List<Integer> kinds = new ArrayList<>(List.of(0, 1, 2));
            for (int f = 0; f < followUps; f++) {
                int k = kinds.remove(rng.nextInt(kinds.size()));
                switch (k) {
                    case 0 -> rounds.add(round("how big is it", DialogAnswers.size(o.size()), List.of(), DialogAnswers.Family.SIZE, true, rng));
                    case 1 -> rounds.add(round("where is it", DialogAnswers.place(DialogAnswers.whereIs(o, scene.canvas())), List.of(), DialogAnswers.Family.WHERE, true, rng));
                    default -> rounds.add(isItColour(o, rng));
                }
            }
        }
        return List.copyOf(rounds.subList(0, ROUNDS));
    }

    // "is it blue": yes half the time; else "no, it is red", where a bare "no" is only partly right
    private static DialogRound isItColour(SceneObject o, SplittableRandom rng) {
        if (rng.nextBoolean()) {
            return round("is it " + o.colour().word(), DialogAnswers.yes(), List.of(), DialogAnswers.Family.YES_NO, true, rng);
        }
        List<ShapeColour> others = new ArrayList<>();
        for (ShapeColour c : ShapeColour.values()) if (c != o.colour()) others.add(c);
        ShapeColour guess = others.get(rng.nextInt(others.size()));
        return round("is it " + guess.word(), DialogAnswers.noItIs(o.colour()), DialogAnswers.no(), DialogAnswers.Family.YES_NO, true, rng);
    }

    // the answer is one of the wordings, the rest are its equivalents
    private static DialogRound round(String question, List<String> wordings, List<String> partlyRight,
                                     DialogAnswers.Family family, boolean refersBack, SplittableRandom rng) {
        String answer = wordings.get(rng.nextInt(wordings.size()));
        List<String> equivalents = wordings.stream().filter(w -> !w.equals(answer)).toList();
        return new DialogRound(question, answer, equivalents, partlyRight, family, refersBack);
    }
}
