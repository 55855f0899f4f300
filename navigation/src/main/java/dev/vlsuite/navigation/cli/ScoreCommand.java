package dev.vlsuite.navigation.cli;

import dev.vlsuite.navigation.env.Connectivity;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.EpisodeReader;
import dev.vlsuite.navigation.env.Trajectories;
import dev.vlsuite.navigation.metrics.R2RScorer;
import dev.vlsuite.navigation.metrics.Scores;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.OutputFormat;
import dev.vlsuite.shared.cli.UsageException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code navigate score}: the official R2R metrics of an agent's trajectories file. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score trajectories ([{instr_id, trajectory: [[viewpoint, heading, elevation], ...]}]) with the official R2R",
                "metrics (tasks/R2R/eval.py): length, nav_error, oracle success_rate, success_rate, spl, and per-instruction values.",
                "As the official evaluator: 3 ids per path, the first entry of an id counts, unknown ids are ignored; a missing id,",
                "a move between viewpoints that are not neighbours or a wrong start leaves no summary (exit 1)."})
final class ScoreCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--episodes", required = true, paramLabel = "FILE", description = "R2R episodes (R2R_<split>.json); repeat for several splits scored together.")
    List<Path> episodes;

    @Option(names = "--connectivity", required = true, paramLabel = "DIR", description = "Folder of <scan>_connectivity.json files.")
    Path connectivity;

    @Option(names = "--results", required = true, paramLabel = "FILE", description = "The agent's trajectories (official format).")
    Path results;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FMT", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--summary-only", description = "Leave out the per-instruction values.")
    boolean summaryOnly;

    @Option(names = "--verbose", description = "Stack traces of internal errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (format != OutputFormat.text && format != OutputFormat.json) throw new UsageException("--format must be text or json: " + format);
        for (Path p : episodes) if (!Files.isRegularFile(p)) throw new UsageException(p + ": no such episodes file");
        if (!Files.isRegularFile(results)) throw new UsageException(results + ": no such results file");
        List<Episode> all = new ArrayList<>();
        for (Path p : episodes) all.addAll(EpisodeReader.read(p));
        Scores s = new R2RScorer(all, new Connectivity(connectivity)).score(Trajectories.read(results));
        int refusals = ScoreReport.reportRefusals(err, results.toString(), s);
        ScoreReport.print(out, s, format, null, !summaryOnly);
        return refusals == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }
}
