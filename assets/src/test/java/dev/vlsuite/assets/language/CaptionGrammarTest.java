package dev.vlsuite.assets.language;

import static org.junit.jupiter.api.Assertions.*;

import dev.vlsuite.assets.world.Relation;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SceneObject;
import dev.vlsuite.assets.world.ShapeColour;
import dev.vlsuite.assets.world.ShapeKind;
import dev.vlsuite.assets.world.SyntheticWorld;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CaptionGrammarTest {
    private static final List<Scene> SCENES = SyntheticWorld.generate(17, 400, 128);
    private static final String COLOURS = Arrays.stream(ShapeColour.values()).map(ShapeColour::word).collect(Collectors.joining("|"));
    private static final String KINDS = Arrays.stream(ShapeKind.values()).map(ShapeKind::word).collect(Collectors.joining("|"));
    private static final Map<String, Relation> RELATION_WORDS = Map.of(
            "to the left of", Relation.LEFT_OF, "left of", Relation.LEFT_OF,
            "to the right of", Relation.RIGHT_OF, "right of", Relation.RIGHT_OF,
            "above", Relation.ABOVE, "over", Relation.ABOVE, "below", Relation.BELOW, "under", Relation.BELOW);
    /** "<colour> <kind> [is] <relation> a|an [size] <colour> <kind>" */
    private static final Pattern RELATION = Pattern.compile("(" + COLOURS + ") (" + KINDS
            + ") (?:is )?(to the left of|left of|to the right of|right of|above|over|below|under|next to) an? (?:\\w+ )?("
            + COLOURS + ") (" + KINDS + ")");

    @Test
    void fiveDistinctShortLowerCaseCaptionsPerScene() {
        for (Scene s : SCENES) {
            List<Caption> caps = CaptionGrammar.captions(s);
            assertEquals(5, caps.size(), "scene " + s.id());
            assertEquals(5, caps.stream().map(Caption::tokens).distinct().count());
            for (Caption c : caps) {
                assertTrue(c.tokens().size() >= 3 && c.tokens().size() <= CaptionGrammar.MAX_TOKENS, c.raw());
                c.tokens().forEach(t -> assertTrue(t.matches("[a-z]+"), "token '" + t + "' in " + c.raw()));
                assertTrue(Character.isUpperCase(c.raw().charAt(0)) && c.raw().endsWith("."), c.raw());
                assertEquals(String.join(" ", c.tokens()), c.raw().toLowerCase().replaceAll("[.,:]", "").trim());
            }
        }
    }

    @Test
    void captionsNameOnlyWhatIsDrawnAndTheFirstNamesEverything() {
        for (Scene s : SCENES) {
            Set<String> colours = s.objects().stream().map(o -> o.colour().word()).collect(Collectors.toSet());
            Set<String> kinds = s.objects().stream().map(o -> o.kind().word()).collect(Collectors.toSet());
            List<Caption> caps = CaptionGrammar.captions(s);
            for (Caption c : caps) {
                for (String t : c.tokens()) {
                    if (t.matches(COLOURS)) assertTrue(colours.contains(t), t + " not drawn: " + c.raw());
                    if (t.matches(KINDS)) assertTrue(kinds.contains(t), t + " not drawn: " + c.raw());
                }
                // adjective-noun pairs are true objects of the scene
                Matcher m = Pattern.compile("(" + COLOURS + ") (" + KINDS + ")").matcher(String.join(" ", c.tokens()));
                while (m.find())
                    assertTrue(s.contains(ShapeColour.fromWord(m.group(1)), ShapeKind.fromWord(m.group(2))), c.raw());
            }
            Set<String> first = new HashSet<>(caps.get(0).tokens());
            assertTrue(first.containsAll(colours) && first.containsAll(kinds), caps.get(0).raw());
        }
    }

    @Test
    void sizeWordsMatchTheObject() {
        Pattern sized = Pattern.compile("(large|big|small|little) (" + COLOURS + ") (" + KINDS + ")");
        int checked = 0;
        for (Scene s : SCENES) {
            for (Caption c : CaptionGrammar.captions(s)) {
                Matcher m = sized.matcher(String.join(" ", c.tokens()));
                while (m.find()) {
                    SceneObject o = s.find(ShapeKind.fromWord(m.group(3))).orElseThrow();
                    assertEquals(o.size(), dev.vlsuite.assets.world.ShapeSize.fromWord(m.group(1)), c.raw());
                    checked++;
                }
            }
        }
        assertTrue(checked > 500, "checked " + checked);
    }

    @Test
    void statedRelationsAreTrueInTheGeometry() {
        int checked = 0;
        for (Scene s : SCENES) {
            for (Caption c : CaptionGrammar.captions(s)) {
                Matcher m = RELATION.matcher(String.join(" ", c.tokens()));
                while (m.find()) {
                    SceneObject a = s.find(ShapeKind.fromWord(m.group(2))).orElseThrow();
                    SceneObject b = s.find(ShapeKind.fromWord(m.group(5))).orElseThrow();
                    assertEquals(ShapeColour.fromWord(m.group(1)), a.colour());
                    assertEquals(ShapeColour.fromWord(m.group(4)), b.colour());
                    Optional<Relation> actual = Relation.between(a, b);
                    assertTrue(actual.isPresent(), "relation stated for an ambiguous layout: " + c.raw());
                    if (m.group(3).equals("next to")) assertTrue(actual.get().horizontal(), c.raw());
                    else assertEquals(RELATION_WORDS.get(m.group(3)), actual.get(), c.raw());
                    checked++;
                }
            }
        }
        assertTrue(checked > 300, "checked " + checked);
    }

    @Test
    void captionsAreDeterministic() {
        Scene s = SCENES.get(3);
        assertEquals(CaptionGrammar.captions(s), CaptionGrammar.captions(SyntheticWorld.generate(17, 4, 128).get(3)));
    }
}
