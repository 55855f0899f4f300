package dev.vlsuite.navigation.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What scoring found: the per-instruction values in processing order, and the official summary when the official
 * evaluator would have produced one (every expected id answered, no invalid trajectory); otherwise the reasons.
 *
 * @param problems one line per trajectory the official code would have crashed on (instruction id + reason)
 * @param missing  expected instruction ids without a trajectory (the official assertion)
 * @param duplicates later entries of an already scored id (officially ignored: the first wins)
 * @param unknown  entries whose id is not expected (unknown path, 4th instruction, not a string: officially ignored)
 */
public record Scores(List<ItemScore> items, List<String> problems, List<String> missing, int duplicates, int unknown) {
    public static final String LENGTH = "length";
    public static final String NAV_ERROR = "nav_error";
    public static final String ORACLE_SUCCESS_RATE = "oracle success_rate";
    public static final String SUCCESS_RATE = "success_rate";
    public static final String SPL = "spl";

    /** True when the official evaluator would have returned a summary. */
    public boolean official() {
        return problems.isEmpty() && missing.isEmpty() && !items.isEmpty();
    }

    /** The official summary (key names as eval.py prints them), over the scored items. */
    public Map<String, Double> summary() {
        int n = items.size();
        double length = 0, nav = 0, osr = 0, sr = 0, spl = 0;
        for (ItemScore s : items) {
            length += s.trajectoryLength();
            nav += s.navError();
            osr += s.oracleSuccess() ? 1 : 0;
            sr += s.success() ? 1 : 0;
            spl += s.spl();
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(LENGTH, length / n);
        m.put(NAV_ERROR, nav / n);
        m.put(ORACLE_SUCCESS_RATE, osr / n);
        m.put(SUCCESS_RATE, sr / n);
        m.put(SPL, spl / n);
        return m;
    }
}
