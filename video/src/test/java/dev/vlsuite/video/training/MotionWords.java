package dev.vlsuite.video.training;

import dev.vlsuite.assets.video.Clip;
import dev.vlsuite.assets.video.Motion;
import dev.vlsuite.assets.video.MovingObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The motion-word check of the held-out report: a caption is right when the motions it names (direction words,
 * grow/shrink words, a colour-change verb) are exactly the clip's motions, and a colour change names the new colour.
 * Shape, colour and size words of the noun phrases are left to BLEU/METEOR/CIDEr.
 */
public final class MotionWords {
    private static final Set<String> UP = Set.of("up", "upwards", "rises");
    private static final Set<String> DOWN = Set.of("down", "downwards", "falls");
    private static final Set<String> GROW = Set.of("grows", "growing", "bigger", "larger", "expands");
    private static final Set<String> SHRINK = Set.of("shrinks", "shrinking", "smaller", "contracts");
    private static final Set<String> RECOLOUR = Set.of("turns", "turning", "changes", "colour", "color");

    private MotionWords() {}

    /** The motions a caption names, from its lower-case words. */
    public static Set<Motion> named(List<String> words) {
        Set<Motion> out = EnumSet.noneOf(Motion.class);
        for (String w : words) {
            if (w.equals("left")) out.add(Motion.LEFT);
            else if (w.equals("right")) out.add(Motion.RIGHT);
            else if (UP.contains(w)) out.add(Motion.UP);
            else if (DOWN.contains(w)) out.add(Motion.DOWN);
            else if (GROW.contains(w)) out.add(Motion.GROW);
            else if (SHRINK.contains(w)) out.add(Motion.SHRINK);
            else if (RECOLOUR.contains(w)) out.add(Motion.RECOLOUR);
        }
        // "becomes blue" is a colour change, "becomes larger" is not
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals("becomes") && isColour(words.get(i + 1))) out.add(Motion.RECOLOUR);
        }
        return out;
    }

    /** True when the caption names exactly the clip's motions, and each colour change's new colour. */
    public static boolean right(List<String> words, Clip clip) {
        Set<Motion> truth = EnumSet.noneOf(Motion.class);
        for (MovingObject o : clip.objects()) {
            truth.add(o.motion());
            if (o.motion() == Motion.RECOLOUR && !words.contains(o.endColour().word())) return false;
        }
        return truth.equals(named(words));
    }

    /** True when the caption names {@code o}'s motion (one object of a clip). */
    public static boolean namesMotionOf(List<String> words, MovingObject o) {
        if (!named(words).contains(o.motion())) return false;
        return o.motion() != Motion.RECOLOUR || words.contains(o.endColour().word());
    }

    private static boolean isColour(String w) {
        for (var c : dev.vlsuite.assets.world.ShapeColour.values()) if (c.word().equals(w)) return true;
        return false;
    }
}
