package dev.vlsuite.assets.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.assets.language.CaptionGrammar;
import dev.vlsuite.assets.language.DialogAnswers;
import dev.vlsuite.assets.language.DialogGenerator;
import dev.vlsuite.assets.language.DialogRound;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.shared.io.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic dialogs in the VisDial v1.0 layout: {@code {"version", "split", "data": {"questions", "answers",
 * "dialogs"}}} with 100 candidate options per round and the 0-based {@code gt_index}, plus the dense annotations of
 * one round per dialog. Candidates are built as VisDial builds them: the right answer, answers of similar questions
 * (the same answer family), popular answers, random ones. Test dialogs are cut after a random round whose answer is
 * withheld (question and options only), as in VisDial's test split. Dense relevance: 1 for the right answer and its
 * other wordings, 0.5 for partly right answers, 0 otherwise.
 */
public final class VisDialJson {
    public static final int OPTIONS = 100;
    private static final long SALT = 0x0E71_0175L;
    /** The answers VisDial's candidate lists repeat most: yes/no and small counts. */
    private static final List<String> POPULAR = List.of("yes", "no", "1", "2", "i can't tell", "not sure", "yes it is", "nope");

    private VisDialJson() {}

    /** The dialogs file of one split ("train", "val" or "test"; the file says train / val2018 / test2018). */
    public static ObjectNode dialogs(List<Scene> scenes, String split) {
        boolean test = split.equals("test");
        Map<String, Integer> questions = new LinkedHashMap<>();
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String a : DialogAnswers.pool()) answers.put(a, answers.size());
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", "1.0");
        root.put("split", test ? "test2018" : split.equals("val") ? "val2018" : "train");
        ObjectNode data = root.putObject("data");
        ArrayNode qs = data.putArray("questions");
        ArrayNode as = data.putArray("answers");
        ArrayNode ds = data.putArray("dialogs");
        for (Scene s : scenes) {
            List<DialogRound> rounds = DialogGenerator.dialog(s);
            SplittableRandom rng = random(s);
            int kept = test ? 1 + rng.nextInt(rounds.size()) : rounds.size();
            ObjectNode d = ds.addObject();
            d.put("image_id", s.id());
            d.put("caption", String.join(" ", CaptionGrammar.captions(s, 1).get(0).tokens()));
            ArrayNode dialog = d.putArray("dialog");
            for (int r = 0; r < kept; r++) {
                DialogRound round = rounds.get(r);
                ObjectNode rn = dialog.addObject();
                rn.put("question", questions.computeIfAbsent(round.question(), q -> questions.size()));
                boolean withheld = test && r == kept - 1;
                List<String> options = options(round, rng);
                if (!withheld) rn.put("answer", answers.get(round.answer()));
                // the test split gives options only for the last round, where the answer is withheld
                if (!test || withheld) {
                    ArrayNode opts = rn.putArray("answer_options");
                    for (String o : options) opts.add(answers.get(o));
                    if (!withheld) rn.put("gt_index", options.indexOf(round.answer()));
                }
            }
        }
        questions.keySet().forEach(qs::add);
        answers.keySet().forEach(as::add);
        return root;
    }

    /**
     * The dense annotations of the val split: one round per dialog, {@code [{"image_id", "round_id" (1-based),
     * "gt_relevance": [100]}]}, relevance in the order of that round's answer_options.
     */
    public static ArrayNode denseAnnotations(List<Scene> scenes) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Scene s : scenes) {
            List<DialogRound> rounds = DialogGenerator.dialog(s);
            SplittableRandom rng = random(s);
            List<List<String>> options = new ArrayList<>();
            for (DialogRound r : rounds) options.add(options(r, rng)); // same draws as dialogs(): same options
            int roundId = 1 + new SplittableRandom(s.seed() ^ SALT ^ 0xDE05EL).nextInt(rounds.size());
            DialogRound round = rounds.get(roundId - 1);
            ObjectNode a = out.addObject();
            a.put("image_id", s.id());
            a.put("round_id", roundId);
            ArrayNode rel = a.putArray("gt_relevance");
            for (String o : options.get(roundId - 1)) rel.add(relevance(round, o));
        }
        return out;
    }

    /** 1 for the answer and its wordings, 0.5 for a partly right answer, else 0. */
    public static double relevance(DialogRound round, String option) {
        if (option.equals(round.answer()) || round.equivalents().contains(option)) return 1.0;
        return round.partlyRight().contains(option) ? 0.5 : 0.0;
    }

    // the right answer, its wordings and partly right ones, similar questions' answers, popular, then random; shuffled
    static List<String> options(DialogRound round, SplittableRandom rng) {
        List<String> pool = DialogAnswers.pool();
        Set<String> chosen = new LinkedHashSet<>();
        chosen.add(round.answer());
        chosen.addAll(round.equivalents());
        chosen.addAll(round.partlyRight());
        List<String> similar = new ArrayList<>(DialogAnswers.family(round.family()));
        shuffle(similar, rng);
        for (String a : similar.subList(0, Math.min(similar.size(), 20))) chosen.add(a);
        chosen.addAll(POPULAR);
        List<String> rest = new ArrayList<>(pool);
        shuffle(rest, rng);
        for (String a : rest) {
            if (chosen.size() >= OPTIONS) break;
            chosen.add(a);
        }
        List<String> options = new ArrayList<>(chosen);
        shuffle(options, rng);
        return options;
    }

    private static SplittableRandom random(Scene s) {
        return new SplittableRandom(s.seed() ^ SALT);
    }

    private static <T> void shuffle(List<T> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) java.util.Collections.swap(list, i, rng.nextInt(i + 1));
    }

    /** The scenes of each split, in order. */
    static Map<String, List<Scene>> bySplit(List<Scene> scenes, List<String> splits) {
        Map<String, List<Scene>> out = new HashMap<>();
        for (int i = 0; i < scenes.size(); i++) out.computeIfAbsent(splits.get(i), k -> new ArrayList<>()).add(scenes.get(i));
        return out;
    }
}
