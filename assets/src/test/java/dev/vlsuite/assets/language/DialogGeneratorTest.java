package dev.vlsuite.assets.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SceneObject;
import dev.vlsuite.assets.world.SyntheticWorld;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ten rounds whose answers follow the scene, with rounds that only the history explains. */
class DialogGeneratorTest {
    private static final List<Scene> SCENES = SyntheticWorld.generate(3, 120, 64);

    @Test
    void tenRoundsAnsweredByTheScene() {
        for (Scene s : SCENES) {
            List<DialogRound> d = DialogGenerator.dialog(s);
            assertEquals(10, d.size());
            assertEquals("how many shapes are there", d.get(0).question());
            assertTrue(DialogAnswers.count(s.count()).contains(d.get(0).answer()), d.get(0).toString());
            SceneObject it = null;
            for (DialogRound r : d) {
                String q = r.question();
                if (q.startsWith("what color is the ")) it = s.find(dev.vlsuite.assets.world.ShapeKind.fromWord(q.substring(18))).orElseThrow();
                if (q.startsWith("what shape is the ")) it = s.find(dev.vlsuite.assets.world.ShapeColour.fromWord(q.split(" ")[4])).orElseThrow();
                if (q.equals("and the other one")) {
                    SceneObject prev = it;
                    it = s.objects().stream().filter(o -> o != prev).findFirst().orElseThrow();
                    assertEquals(2, s.count(), "\"the other one\" only with two objects");
                }
                // every answer about "it" is true of the object the history points at
                if (q.equals("how big is it")) assertTrue(DialogAnswers.size(it.size()).contains(r.answer()), r.toString());
                if (q.equals("where is it")) assertTrue(DialogAnswers.place(DialogAnswers.whereIs(it, s.canvas())).contains(r.answer()), r.toString());
                if (q.startsWith("is it ")) {
                    boolean same = q.substring(6).equals(it.colour().word());
                    assertEquals(same, DialogAnswers.yes().contains(r.answer()), r.toString());
                    if (!same) assertTrue(r.answer().endsWith(it.colour().word()), r.toString());
                }
                if (q.equals("and the other one") || q.startsWith("what color is the") || q.startsWith("what shape is the")) {
                    List<String> right = r.family() == DialogAnswers.Family.COLOUR ? DialogAnswers.colour(it.colour()) : DialogAnswers.kind(it.kind());
                    assertTrue(right.contains(r.answer()), r + " about " + it);
                }
            }
        }
    }

    @Test
    void manyRoundsReferBackAndTheOtherOneOccurs() {
        int refer = 0, other = 0, total = 0;
        for (Scene s : SCENES) {
            for (DialogRound r : DialogGenerator.dialog(s)) {
                total++;
                if (r.refersBack()) refer++;
                if (r.question().equals("and the other one")) other++;
                assertTrue(r.refersBack() == (r.question().contains(" it") || r.question().startsWith("and ")), r.toString());
            }
        }
        assertTrue(refer > total / 3, refer + " of " + total);
        assertTrue(other > 10, "and the other one: " + other);
        assertEquals(DialogGenerator.dialog(SCENES.get(5)), DialogGenerator.dialog(SCENES.get(5)));
    }

    @Test
    void theAnswerPoolHoldsAHundredDistinctAnswers() {
        List<String> pool = DialogAnswers.pool();
        assertTrue(pool.size() >= 100, "pool " + pool.size());
        assertEquals(pool.size(), new java.util.HashSet<>(pool).size());
    }
}
