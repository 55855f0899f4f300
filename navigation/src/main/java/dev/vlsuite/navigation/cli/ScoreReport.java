package dev.vlsuite.navigation.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.navigation.metrics.ItemScore;
import dev.vlsuite.navigation.metrics.Scores;
import dev.vlsuite.shared.cli.OutputFormat;
import dev.vlsuite.shared.io.Json;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Prints {@link Scores}: per-instruction values, then the official summary (official key names) when there is one. */
final class ScoreReport {
    private ScoreReport() {}

    static void print(PrintWriter out, Scores s, OutputFormat format, String label, boolean perItem) {
        if (format == OutputFormat.json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            if (label != null) root.put("split", label);
            if (s.official()) {
                ObjectNode sum = root.putObject("summary");
                for (Map.Entry<String, Double> e : s.summary().entrySet()) sum.put(e.getKey(), e.getValue());
            } else {
                root.putNull("summary");
            }
            root.put("scored", s.items().size());
            root.put("ignored_duplicates", s.duplicates());
            root.put("ignored_unknown", s.unknown());
            ArrayNode missing = root.putArray("missing");
            s.missing().forEach(missing::add);
            ArrayNode problems = root.putArray("problems");
            s.problems().forEach(problems::add);
            if (perItem) {
                ArrayNode items = root.putArray("items");
                for (ItemScore i : s.items()) {
                    ObjectNode o = items.addObject();
                    o.put("instr_id", i.instrId());
                    o.put("nav_error", i.navError());
                    o.put("oracle_error", i.oracleError());
                    o.put("trajectory_length", i.trajectoryLength());
                    o.put("shortest_path_length", i.shortestPathLength());
                    o.put("success", i.success());
                    o.put("oracle_success", i.oracleSuccess());
                    o.put("spl", i.spl());
                }
            }
            out.println(root.toString());
            out.flush();
            return;
        }
        if (perItem) {
            out.println("instr_id\tnav_error\toracle_error\ttrajectory_length\tshortest_path_length\tsuccess\toracle_success\tspl");
            for (ItemScore i : s.items()) {
                out.printf(Locale.ROOT, "%s\t%.4f\t%.4f\t%.4f\t%.4f\t%d\t%d\t%.4f%n", i.instrId(), i.navError(), i.oracleError(),
                        i.trajectoryLength(), i.shortestPathLength(), i.success() ? 1 : 0, i.oracleSuccess() ? 1 : 0, i.spl());
            }
            out.println();
        }
        if (label != null) out.println("split " + label);
        if (s.official()) {
            for (Map.Entry<String, Double> e : s.summary().entrySet()) out.printf(Locale.ROOT, "%-20s %.4f%n", e.getKey(), e.getValue());
        } else {
            out.println("no official summary (the official evaluator refuses these results; see stderr)");
        }
        out.printf(Locale.ROOT, "(%d instructions scored; ignored as the official evaluator does: %d duplicates, %d unknown ids)%n",
                s.items().size(), s.duplicates(), s.unknown());
        out.flush();
    }

    /** One stderr line per reason the official evaluator would refuse; returns how many. */
    static int reportRefusals(PrintWriter err, String resultsName, Scores s) {
        for (String p : s.problems()) err.println(resultsName + ": " + p);
        if (!s.missing().isEmpty()) {
            int n = s.missing().size();
            err.println(resultsName + ": no trajectory for " + n + " expected instruction id" + (n == 1 ? "" : "s") + ": "
                    + String.join(", ", s.missing().subList(0, Math.min(5, n))) + (n > 5 ? ", ..." : ""));
        }
        err.flush();
        return s.problems().size() + (s.missing().isEmpty() ? 0 : 1);
    }
}
