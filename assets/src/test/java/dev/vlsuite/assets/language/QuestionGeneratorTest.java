package dev.vlsuite.assets.language;

import static org.junit.jupiter.api.Assertions.*;

import dev.vlsuite.assets.world.Relation;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SceneObject;
import dev.vlsuite.assets.world.ShapeColour;
import dev.vlsuite.assets.world.ShapeKind;
import dev.vlsuite.assets.world.ShapeSize;
import dev.vlsuite.assets.world.SyntheticWorld;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Re-derives every answer from the scene geometry by parsing the question, independently of the generator. */
class QuestionGeneratorTest {
    private static final Pattern COUNT_ALL = Pattern.compile("how many shapes are there\\?");
    private static final Pattern COUNT_SIZE = Pattern.compile("how many (\\w+) shapes are there\\?");
    private static final Pattern COLOUR = Pattern.compile("what color is the (\\w+)\\?");
    private static final Pattern SHAPE = Pattern.compile("what shape is the (\\w+) object\\?");
    private static final Pattern SIZE = Pattern.compile("what size is the (\\w+) (\\w+)\\?");
    private static final Pattern EXISTS = Pattern.compile("is there an? (\\w+) (\\w+)\\?");
    private static final Pattern RELATION = Pattern.compile("is the (\\w+) (\\w+) (to the left of|to the right of|above|below) the (\\w+) (\\w+)\\?");

    @Test
    void everyAnswerIsTrueForTheScene() {
        Map<String, Integer> byType = new HashMap<>();
        for (Scene s : SyntheticWorld.generate(31, 300, 128)) {
            for (QaPair qa : QuestionGenerator.questions(s)) {
                assertEquals(expected(s, qa.question()), qa.answer(), qa.question() + " in scene " + s.id());
                byType.merge(qa.answerType(), 1, Integer::sum);
                String want = qa.answer().equals("yes") || qa.answer().equals("no") ? QaPair.YES_NO
                        : qa.answer().matches("\\d+") ? QaPair.NUMBER : QaPair.OTHER;
                assertEquals(want, qa.answerType(), qa.question());
                assertTrue(qa.question().startsWith(qa.questionType()), qa.question());
            }
        }
        assertTrue(byType.get(QaPair.NUMBER) > 300 && byType.get(QaPair.OTHER) > 600 && byType.get(QaPair.YES_NO) > 600, byType.toString());
    }

    @Test
    void yesNoIsBalancedInEveryScene() {
        int total = 0;
        for (Scene s : SyntheticWorld.generate(32, 200, 128)) {
            List<QaPair> qs = QuestionGenerator.questions(s);
            long yes = qs.stream().filter(q -> q.answer().equals("yes")).count();
            long no = qs.stream().filter(q -> q.answer().equals("no")).count();
            assertEquals(yes, no, "scene " + s.id());
            assertTrue(yes >= 1);
            total += yes;
            if (s.count() >= 2) assertEquals(2, yes, "existence + relation pair");
        }
        assertTrue(total >= 200);
    }

    @Test
    void questionsAreDeterministicAndUnique() {
        Scene s = SyntheticWorld.generate(33, 5, 128).get(4);
        List<QaPair> qs = QuestionGenerator.questions(s);
        assertEquals(qs, QuestionGenerator.questions(s));
        assertEquals(qs.size(), qs.stream().map(QaPair::question).distinct().count());
    }

    /** The answer a careful reader of the scene gives. */
    private static String expected(Scene s, String q) {
        Matcher m;
        if (COUNT_ALL.matcher(q).matches()) return Integer.toString(s.count());
        if ((m = COUNT_SIZE.matcher(q)).matches()) {
            ShapeSize size = ShapeSize.fromWord(m.group(1));
            return Long.toString(s.objects().stream().filter(o -> o.size() == size).count());
        }
        if ((m = COLOUR.matcher(q)).matches()) return s.find(ShapeKind.fromWord(m.group(1))).orElseThrow().colour().word();
        if ((m = SHAPE.matcher(q)).matches()) return s.find(ShapeColour.fromWord(m.group(1))).orElseThrow().kind().word();
        if ((m = SIZE.matcher(q)).matches()) return object(s, m.group(1), m.group(2)).size().word();
        if ((m = EXISTS.matcher(q)).matches())
            return s.contains(ShapeColour.fromWord(m.group(1)), ShapeKind.fromWord(m.group(2))) ? "yes" : "no";
        if ((m = RELATION.matcher(q)).matches()) {
            SceneObject a = object(s, m.group(1), m.group(2)), b = object(s, m.group(4), m.group(5));
            Relation r = switch (m.group(3)) {
                case "to the left of" -> Relation.LEFT_OF;
                case "to the right of" -> Relation.RIGHT_OF;
                case "above" -> Relation.ABOVE;
                default -> Relation.BELOW;
            };
            return r.holds(a, b) ? "yes" : "no";
        }
        throw new AssertionError("question the test does not understand: " + q);
    }

    private static SceneObject object(Scene s, String colour, String kind) {
        SceneObject o = s.find(ShapeKind.fromWord(kind)).orElseThrow();
        assertEquals(ShapeColour.fromWord(colour), o.colour());
        return o;
    }
}
