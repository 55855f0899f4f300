package dev.vlsuite.shared.metrics.cli;

import dev.vlsuite.shared.metrics.EvaluationReport;
import java.io.PrintWriter;
import java.util.Locale;

/** The corpus-score table that `score` and `caption eval` print: one row per metric, names as the toolkit's. */
public final class ReportTable {
    private ReportTable() {}

    /** Prints the table; the first column fits the longest metric name (e.g. "METEOR (exact+stem+synonym)"). */
    public static void print(PrintWriter out, EvaluationReport report) {
        int width = Math.max(6, report.corpus().keySet().stream().mapToInt(String::length).max().orElse(6));
        String row = "%-" + width + "s  %s%n";
        out.printf(Locale.ROOT, row, "metric", "score");
        report.corpus().forEach((name, v) -> out.printf(Locale.ROOT, row, name, String.format(Locale.ROOT, "%.6f", v)));
    }
}
