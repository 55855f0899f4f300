package dev.vlsuite.shared.metrics;

import dev.vlsuite.shared.io.captions.CaptionDataset;
import dev.vlsuite.shared.io.captions.CocoResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * References and results made ready for {@link CaptionEvaluator}: only the images present on both
 * sides, the first result of an id that appears twice, and one problem line per issue (naming the
 * file and the ids) for the caller to print. Captions are never moved between images: a caption with
 * a line break or control character stays one caption (the tokenizer reads those as spaces).
 *
 * @param refs image id -> raw references (images with results only, reference order)
 * @param candidates image id -> raw candidate caption
 * @param problems one line each, "file: what, ids"
 */
public record ScoringInputs(Map<String, List<String>> refs, Map<String, String> candidates, List<String> problems) {
    private static final int IDS_SHOWN = 20;

    public static ScoringInputs reconcile(CaptionDataset dataset, String refsName, List<CocoResult> results, String resultsName) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> allRefs = dataset.referencesById();
        Map<String, String> cands = new LinkedHashMap<>();
        Map<String, Integer> times = new LinkedHashMap<>();
        for (CocoResult r : results) {
            times.merge(r.imageId(), 1, Integer::sum);
            cands.putIfAbsent(r.imageId(), r.caption());
        }
        times.forEach((id, n) -> {
            if (n > 1) problems.add(resultsName + ": image_id " + id + " appears " + n + " times; the first caption is scored");
        });
        List<String> noRefs = new ArrayList<>();
        for (String id : cands.keySet()) if (!allRefs.containsKey(id)) noRefs.add(id);
        List<String> noResult = new ArrayList<>();
        for (String id : allRefs.keySet()) if (!cands.containsKey(id)) noResult.add(id);
        if (!noRefs.isEmpty()) problems.add(resultsName + ": " + noRefs.size() + " image id(s) have no references in " + refsName + ", not scored: " + ids(noRefs));
        if (!noResult.isEmpty()) problems.add(refsName + ": " + noResult.size() + " image id(s) have no result in " + resultsName + ", not scored: " + ids(noResult));

        Map<String, List<String>> refs = new LinkedHashMap<>();
        Map<String, String> scored = new LinkedHashMap<>();
        for (var e : allRefs.entrySet()) {
            String id = e.getKey();
            if (!cands.containsKey(id)) continue;
            if (e.getValue().isEmpty()) {
                problems.add(refsName + ": image " + id + " has no reference captions, not scored");
                continue;
            }
            for (int k = 0; k < e.getValue().size(); k++) checkCaption(e.getValue().get(k), refsName + ": image " + id + " reference " + k, problems);
            checkCaption(cands.get(id), resultsName + ": image_id " + id, problems);
            refs.put(id, e.getValue());
            scored.put(id, cands.get(id));
        }
        return new ScoringInputs(refs, scored, List.copyOf(problems));
    }

    /** Empty captions and captions with line breaks or control characters get one line each. */
    private static void checkCaption(String caption, String where, List<String> problems) {
        if (caption.isBlank()) {
            problems.add(where + ": empty caption");
            return;
        }
        for (int i = 0; i < caption.length(); i++) {
            char c = caption.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\u000B' || c == '\u000C';
            if (lineBreak || Character.getType(c) == Character.CONTROL && c != '\t') {
                String code = String.format(Locale.ROOT, "U+%04X", (int) c);
                problems.add(where + ": caption contains " + (lineBreak ? "a line break (" : "a control character (") + code + "); read as a space");
                return;
            }
        }
    }

    private static String ids(List<String> ids) {
        String head = String.join(", ", ids.subList(0, Math.min(IDS_SHOWN, ids.size())));
        return ids.size() > IDS_SHOWN ? head + ", ... (" + (ids.size() - IDS_SHOWN) + " more)" : head;
    }
}
