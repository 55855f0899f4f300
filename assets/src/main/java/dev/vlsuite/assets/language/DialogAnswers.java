package dev.vlsuite.assets.language;

import dev.vlsuite.assets.world.SceneObject;
import dev.vlsuite.assets.world.ShapeColour;
import dev.vlsuite.assets.world.ShapeKind;
import dev.vlsuite.assets.world.ShapeSize;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The answer vocabulary of synthetic dialogs: every answer has a few wordings ("red", "it is red", "it's red"), as
 * VisDial's free-form answers do, so candidate lists hold several right options and dense relevance matters.
 */
public final class DialogAnswers {
    /** What kind of answer a question has; candidate options take answers of the same family ("similar questions"). */
    public enum Family { COUNT, COLOUR, KIND, SIZE, WHERE, YES_NO }

    static final List<String> PLACES = List.of("on the left", "on the right", "at the top", "at the bottom", "in the middle");

    /** Answers a careless or unsure annotator gives, found in every VisDial answer pool. */
    static final List<String> GENERIC = List.of("i can't tell", "not sure", "maybe", "i don't know", "i think so",
            "i don't think so", "probably", "hard to say", "no idea", "can't see", "sort of", "not really", "a bit",
            "very", "some of them", "all of them", "grey", "black", "brown", "pink", "rectangle", "oval", "heart",
            "medium", "tiny", "huge", "it is grey", "it is a line", "the background", "nothing else");

    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five");

    private DialogAnswers() {}

    static List<String> colour(ShapeColour c) {
        return List.of(c.word(), "it is " + c.word(), "it's " + c.word());
    }

    static List<String> kind(ShapeKind k) {
        String a = Phrases.article(k.word()) + " " + k.word();
        return List.of(k.word(), a, "it is " + a);
    }

    static List<String> size(ShapeSize s) {
        return List.of(s.word(), s.synonyms().get(s.synonyms().size() - 1), "it is " + s.word());
    }

    static List<String> place(String where) {
        return List.of(where, "it is " + where);
    }

    static List<String> count(int n) {
        return List.of(Integer.toString(n), NUMBER_WORDS.get(n), n == 1 ? "just one" : "there are " + n);
    }

    static List<String> yes() {
        return List.of("yes", "yes it is", "yeah");
    }

    static List<String> no() {
        return List.of("no", "nope", "no it isn't");
    }

    /** "no, it is blue": the correction after a wrong guess of the colour. */
    static List<String> noItIs(ShapeColour c) {
        return List.of("no, it is " + c.word(), "no it's " + c.word());
    }

    /** Where an object sits on the canvas, in the words of {@link #PLACES}. */
    static String whereIs(SceneObject o, int canvas) {
        double dx = o.cx() / canvas - 0.5;
        double dy = o.cy() / canvas - 0.5;
        if (Math.max(Math.abs(dx), Math.abs(dy)) < 0.12) return PLACES.get(4);
        if (Math.abs(dx) >= Math.abs(dy)) return dx < 0 ? PLACES.get(0) : PLACES.get(1);
        return dy < 0 ? PLACES.get(2) : PLACES.get(3);
    }

    /** Every answer of a family's wording, for candidate options of similar questions. */
    public static List<String> family(Family f) {
        List<String> out = new ArrayList<>();
        switch (f) {
            case COUNT -> { for (int n = 0; n <= 4; n++) out.addAll(count(n)); }
            case COLOUR -> { for (ShapeColour c : ShapeColour.values()) out.addAll(colour(c)); }
            case KIND -> { for (ShapeKind k : ShapeKind.values()) out.addAll(kind(k)); }
            case SIZE -> { for (ShapeSize s : ShapeSize.values()) out.addAll(size(s)); }
            case WHERE -> { for (String p : PLACES) out.addAll(place(p)); }
            case YES_NO -> {
                out.addAll(yes());
                out.addAll(no());
                for (ShapeColour c : ShapeColour.values()) out.addAll(noItIs(c));
            }
        }
        return out;
    }

    /** The answer pool of the synthetic world: every wording of every family, then the generic answers. */
    public static List<String> pool() {
        Set<String> all = new LinkedHashSet<>();
        for (Family f : Family.values()) all.addAll(family(f));
        all.addAll(GENERIC);
        return List.copyOf(all);
    }
}
