package dev.vlsuite.navigation.cli;

import dev.vlsuite.navigation.agents.Agent;
import dev.vlsuite.navigation.agents.OracleAgent;
import dev.vlsuite.navigation.agents.RandomAgent;
import ai.djl.Device;
import dev.vlsuite.navigation.api.Navigator;
import dev.vlsuite.navigation.api.Rollouts;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.EpisodeReader;
import dev.vlsuite.navigation.env.Trajectories;
import dev.vlsuite.navigation.env.Trajectory;
import dev.vlsuite.navigation.metrics.R2RScorer;
import dev.vlsuite.navigation.metrics.Scores;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.cli.OutputFormat;
import dev.vlsuite.shared.cli.Progress;
import dev.vlsuite.shared.cli.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code navigate eval}: run an agent on R2R splits, write official trajectories, print the official metrics per split. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an agent on every instruction of R2R episode files, write its trajectories in the official format",
                "([{instr_id, trajectory}]) and print the official metrics (length, nav_error, oracle success_rate,",
                "success_rate, spl) per split. Agents: oracle (shortest path, knows the goal), random (Anderson et al.'s random walker),",
                "seq2seq or rcm (a trained model; the model's saved arch decides; greedy, or --beam K for seq2seq; instruction-blind when trained with --blind)."})
final class EvalCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "A houses folder (R2R_<split>.json + connectivity/), as 'synth houses' writes.")
    Path data;

    @Option(names = "--splits", defaultValue = "val_seen,val_unseen", split = ",", paramLabel = "NAMES",
            description = "Splits of --data to run (default: ${DEFAULT-VALUE}).")
    List<String> splits;

    @Option(names = "--episodes", paramLabel = "FILE", description = "R2R episode files instead of --data splits (repeatable).")
    List<Path> episodes;

    @Option(names = "--agent", defaultValue = "oracle", paramLabel = "NAME", description = "oracle, random, seq2seq or rcm (default: ${DEFAULT-VALUE}).")
    String agent;

    @Option(names = "--max-actions", defaultValue = "0", paramLabel = "N",
            description = "Actions before an episode is cut; 0 = the agent's own (20 for random, 200 for oracle).")
    int maxActions;

    @Option(names = "--out", paramLabel = "DIR", description = "Write <split>_<agent>.json trajectories here (official format).")
    Path out;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FMT", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--model", paramLabel = "FILE", description = "The seq2seq agent's bundle (from 'navigate train'), for --agent seq2seq; default: the built-in agent.")
    Path model;

    @Option(names = "--batch", defaultValue = "64", paramLabel = "N", description = "Instructions decoded together by seq2seq (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--beam", defaultValue = "1", paramLabel = "K",
            description = "seq2seq: beam search over trajectories, the best finished one by summed log-probability; 1 = greedy (default: ${DEFAULT-VALUE}).")
    int beam;

    @Mixin EngineMixin engine;
    @Mixin WorldOptions world;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (format != OutputFormat.text && format != OutputFormat.json) throw new UsageException("--format must be text or json: " + format);
        if (maxActions < 0) throw new UsageException("--max-actions must be >= 0: " + maxActions);
        List<Path> files = new ArrayList<>();
        if (episodes != null && !episodes.isEmpty()) {
            files.addAll(episodes);
        } else if (data != null) {
            for (String s : splits) files.add(data.resolve("R2R_" + s.trim() + ".json"));
        } else {
            throw new UsageException("give --data DIR (a houses folder) or --episodes FILE");
        }
        if (world.connectivity == null && data == null) throw new UsageException("give --connectivity DIR with --episodes");
        for (Path f : files) if (!Files.isRegularFile(f)) throw new UsageException(f + ": no such episodes file");
        if (!List.of("oracle", "random", "seq2seq", "rcm").contains(agent)) throw new UsageException("unknown --agent '" + agent + "'; use oracle, random, seq2seq or rcm");
        if (agent.equals("rcm") && model == null) throw new UsageException("--agent rcm needs --model (the built-in agent is seq2seq)");
        if (batch < 1) throw new UsageException("--batch must be >= 1");
        if (beam < 1) throw new UsageException("--beam must be >= 1");
        try {
            return evaluate(files, stdout, err);
        } finally {
            world.close();
        }
    }

    private int evaluate(List<Path> files, PrintWriter stdout, PrintWriter err) throws IOException {
        Agent a = agent.equals("oracle") ? new OracleAgent() : agent.equals("random") ? new RandomAgent(engine.seed) : null;
        Device device = a == null ? engine.apply() : null;   // the engine only for a learned agent
        Navigator nav = null;
        Environment env;
        if (a == null) {
            try {
                if (model == null) NavigateTool.sayBuiltIn(err);
                nav = Navigator.load(model, device);
                if (agent.equals("rcm") && nav.rcmConfig() == null) throw new UsageException(model + " is a seq2seq model, not rcm");
                if (beam > 1 && !nav.supportsBeam())
                    throw new UsageException("--beam is implemented for seq2seq agents only; " + nav.name() + " decodes greedily");
            } catch (BundleException | IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
            List<Episode> all = new ArrayList<>();
            for (Path f : files) all.addAll(EpisodeReader.read(f));
            env = world.environment(data, WorldOptions.scansOf(all), device, err);
        } else {
            env = new Environment(world.connectivity(data), null);
        }
        String name = a != null ? a.name() : nav.name();
        int limit = maxActions > 0 ? maxActions : a instanceof OracleAgent ? 200 : 20;
        int failed = 0;
        for (Path f : files) {
            String split = splitName(f);
            List<Episode> eps = EpisodeReader.read(f);
            List<String> bad = new ArrayList<>();
            List<Trajectory> trajectories;
            if (a != null) {
                try (Progress progress = Progress.start("eval " + split, eps.size())) {
                    trajectories = Rollouts.run(a, env, eps, limit, bad::add, progress::step);
                }
            } else {
                List<Episode> usable = TrainCommand.usable(eps, env, err, new int[1]);
                if (usable.size() < eps.size()) bad.add((eps.size() - usable.size()) + " episodes could not be run (above)");
                trajectories = beam > 1 ? nav.runBeam(env, usable, beam) : nav.run(env, usable, batch);
            }
            for (String b : bad) err.println(f + ": " + b);
            failed += bad.size();
            if (out != null) {
                Path file = out.resolve(split + "_" + name + ".json");
                Trajectories.write(file, trajectories);
                err.println("wrote " + file);
            }
            Scores s = new R2RScorer(eps, env.connectivity()).score(trajectories.stream()
                    .map(t -> new Trajectories.Entry(t.instrId(), t.steps(), null)).toList());
            if (bad.isEmpty()) failed += ScoreReport.reportRefusals(err, f.toString(), s);
            ScoreReport.print(stdout, s, format, split + " (" + name + ")", false);
        }
        err.flush();
        if (nav != null) nav.close();
        return failed == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }

    static String splitName(Path episodesFile) {
        String n = episodesFile.getFileName().toString();
        if (n.endsWith(".json")) n = n.substring(0, n.length() - 5);
        return n.startsWith("R2R_") ? n.substring(4) : n;
    }
}
